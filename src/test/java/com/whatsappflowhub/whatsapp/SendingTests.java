package com.whatsappflowhub.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.whatsappflowhub.whatsapp.ChannelFixture.delivery;
import static com.whatsappflowhub.whatsapp.ChannelFixture.entry;
import static com.whatsappflowhub.whatsapp.ChannelFixture.failedStatus;
import static com.whatsappflowhub.whatsapp.ChannelFixture.status;
import static com.whatsappflowhub.whatsapp.ChannelFixture.wamid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.inbox.InboxEventRecorder;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageStatusChanged;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.platform.TenantContext;

/**
 * Sending through the API against a local Graph API (WireMock) held to Meta's OpenAPI contract: the stub answers only
 * requests whose headers follow the spec's patterns, and every body sent is validated against the spec's schemas.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendingTests {

	static final String ACCEPTED = """
			{"messaging_product":"whatsapp","contacts":[{"input":"4915100000001","wa_id":"4915100000001"}],
			 "messages":[{"id":"%s"}]}""";

	final WireMockServer graph = SharedGraphServer.server();

	final GraphApiContract contract = GraphApiContract.load();

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings settings;

	@Autowired
	InboxEventRecorder recorder;

	ChannelFixture channel;

	@Autowired
	Replies replies;

	@BeforeEach
	void resetTheLocalGraphApi() {
		graph.resetAll();
		channel = new ChannelFixture(api, jdbc, transactions, settings);
	}

	@AfterEach
	void everyRequestFollowsTheContract() {
		for (LoggedRequest request : graph.findAll(postRequestedFor(urlPathMatching("/v23.0/.*")))) {
			JsonNode body = JsonMapper.shared().readTree(request.getBodyAsString());
			if ("read".equals(body.path("status").asString(""))) {
				assertThat(contract.validateMarkAsRead(body)).as("read receipt sent: %s", body).isEmpty();
				continue;
			}
			assertThat(contract.validateMessage(body)).as("body sent: %s", body).isEmpty();
			assertThat(body.path("recipient_type").asString()).isEqualTo("individual");
			assertThat(request.getHeader("User-Agent")).matches(contract.headerPattern("UserAgent"));
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ChannelFixture.ACCESS_TOKEN);
		}
	}

	@Test
	void offersTheApprovedTemplatesOfTheNumbersAccountPageByPageAndAsksGraphOnceAMinute() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now().minus(2, ChronoUnit.DAYS));
		Map<String, Object> first = Map.of("data", List.of(
				SharedGraphServer.template("hello_world", "en_US", "APPROVED", "Hello! How can we help?"),
				SharedGraphServer.template("spring_promo", "en_US", "REJECTED", "Hi {{1}}, 20% off!")),
				"paging", Map.of("cursors", Map.of("before", "QVFI", "after", "UDI"), "next",
						graph.baseUrl() + "/v23.0/" + tenant.businessAccountId() + "/message_templates?after=UDI"));
		Map<String, Object> second = Map.of("data", List.of(
				SharedGraphServer.template("request_update", "es", "APPROVED", "Hola {{1}}, novedades: {{2}}."),
				SharedGraphServer.template("winter_promo", "en_US", "PENDING", "Hi {{1}}!")),
				"paging", Map.of("cursors", Map.of("before", "UDI", "after", "UDM")));
		for (Map<String, Object> page : List.of(first, second)) {
			assertThat(contract.validateTemplateList(JsonMapper.shared().valueToTree(page))).isEmpty();
		}
		String path = "/v23.0/" + tenant.businessAccountId() + "/message_templates";
		graph.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", absent())
			.withQueryParam("fields", containing("components"))
			.withHeader("Authorization", equalTo("Bearer " + ChannelFixture.ACCESS_TOKEN))
			.withHeader("User-Agent", matching(contract.headerPattern("UserAgent").pattern()))
			.willReturn(SharedGraphServer.jsonAsIs((JsonMapper.shared().writeValueAsString(first)))));
		graph.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("UDI"))
			.withHeader("Authorization", equalTo("Bearer " + ChannelFixture.ACCESS_TOKEN))
			.willReturn(SharedGraphServer.jsonAsIs((JsonMapper.shared().writeValueAsString(second)))));
		ConversationId id = new ConversationId(java.util.UUID.fromString(conversation.id()));

		List<MessageTemplate> offered = TenantContext.callAs(tenant.tenantId(), () -> replies.approvedTemplates(id));
		assertThat(offered).extracting(MessageTemplate::name, MessageTemplate::language)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("hello_world", "en_US"),
					org.assertj.core.groups.Tuple.tuple("request_update", "es"));
		assertThat(offered.get(1).bodyVariables()).containsExactly("1", "2");
		assertThat(offered.get(1).render(List.of("Ana", "lista"))).isEqualTo("Hola Ana, novedades: lista.");

		assertThat(TenantContext.callAs(tenant.tenantId(), () -> replies.approvedTemplates(id))).isEqualTo(offered);
		assertThat(graph.findAll(getRequestedFor(urlPathEqualTo(path)))).hasSize(2); // two pages, once

		// another tenant does not get this tenant's conversation
		ChannelFixture.Tenant other = channel.tenantWithNumber();
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> TenantContext.callAs(other.tenantId(), () -> replies.approvedTemplates(id)))
			.isInstanceOf(com.whatsappflowhub.platform.NotFound.class);
	}

	@Test
	void sendsAChosenTemplateThroughTheRepliesApiWithItsBodyValuesAndShowsItsText() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		answer(tenant.phoneNumberId(), json(200, ACCEPTED.formatted(wamid())));
		Conversation conversation = conversation(tenant, Instant.now().minus(2, ChronoUnit.DAYS));
		ConversationId id = new ConversationId(java.util.UUID.fromString(conversation.id()));
		Replies.Sent sent = TenantContext.callAs(tenant.tenantId(), () -> replies.send(id,
				new Reply.Template("request_update", "es", List.of("Ana", "lista"), "Hola Ana, novedades: lista."),
				"dashboard:" + java.util.UUID.randomUUID(), null));
		assertThat(sent.created()).isTrue();
		assertThat(sent.message().type()).isEqualTo("template");
		assertThat(sent.message().text()).isEqualTo("Hola Ana, novedades: lista.");
		JsonNode body = sentBodies().get(0);
		assertThat(body.path("template").path("name").asString()).isEqualTo("request_update");
		assertThat(body.path("template").path("components").path(0).path("parameters").path(1).path("text").asString())
			.isEqualTo("lista");
	}

	void answer(String phoneNumberId, ResponseDefinitionBuilder response) {
		graph.stubFor(post(urlPathEqualTo("/v23.0/" + phoneNumberId + "/messages"))
			.withHeader("User-Agent", matching(contract.headerPattern("UserAgent").pattern()))
			.withHeader("Authorization", matching(contract.headerPattern("Authorization").pattern()))
			.withHeader("Content-Type", containing("application/json"))
			.willReturn(response));
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	static String graphError(int code, String message) {
		return """
				{"error":{"message":"%s","type":"OAuthException","code":%d,
				 "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AbC123"}}"""
			.formatted(message, code, message);
	}

	List<JsonNode> sentBodies() {
		return graph.findAll(postRequestedFor(urlPathMatching("/v23.0/.*"))).stream()
			.map(r -> JsonMapper.shared().readTree(r.getBodyAsString()))
			.toList();
	}

	/** A conversation whose customer last wrote at {@code lastInbound}; returns [conversation id, inbound message id]. */
	record Conversation(ChannelFixture.Tenant tenant, String id, String inboundMessageId, String inboundWamid,
			String customer) {

		String token(Role role) {
			return tenant.fixture().token(role);
		}
	}

	Conversation conversation(ChannelFixture.Tenant tenant, Instant lastInbound) {
		String customer = "49151" + (10000000 + (int) (Math.random() * 89999999));
		String inbound = wamid();
		assertThat(channel.post(ChannelFixture.textDelivery(tenant, inbound, customer, "Customer", "hello", lastInbound)))
			.hasStatusOk();
		String admin = tenant.fixture().token(Role.TENANT_ADMIN);
		JsonNode conversations = api.read(api.get("/api/v1/conversations", admin));
		String id = conversations.valueStream()
			.filter(c -> c.path("contact").path("waId").asString().equals(customer))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		String messageId = api.read(api.get("/api/v1/conversations/" + id + "/messages", admin)).path(0).path("id").asString();
		return new Conversation(tenant, id, messageId, inbound, customer);
	}

	MvcTestResult send(Conversation conversation, Role role, Object body) {
		return api.post("/api/v1/conversations/" + conversation.id() + "/messages", conversation.token(role), body);
	}

	String apiKey(ChannelFixture.Tenant tenant, List<String> scopes) {
		return api.read(api.post("/api/v1/api-keys", tenant.fixture().token(Role.TENANT_ADMIN),
				Map.of("name", "crm", "scopes", scopes))).path("key").asString();
	}

	MvcTestResult withKey(String key, String uri, Object body) {
		return api.mvc().post().uri(uri).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.shared().writeValueAsString(body)).exchange();
	}

	@Test
	void anApiKeySendsAndMarksReadOnlyWithTheMessagesSendScope() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now().minus(1, ChronoUnit.HOURS));
		answer(tenant.phoneNumberId(), json(200, ACCEPTED.formatted(wamid())));
		graph.stubFor(post(urlPathEqualTo("/v23.0/" + tenant.phoneNumberId() + "/messages")).atPriority(1)
			.withRequestBody(containing("\"status\":\"read\""))
			.willReturn(json(200, "{\"success\":true}")));
		String reader = apiKey(tenant, List.of("messages:read", "tasks:read", "tasks:write"));
		String sender = apiKey(tenant, List.of("messages:send"));
		String uri = "/api/v1/conversations/" + conversation.id() + "/messages";
		Map<String, Object> text = Map.of("type", "text", "text", "Your order ships today");

		assertThat(withKey(reader, uri, text)).as("messages:read does not send").hasStatus(403);
		assertThat(withKey(reader, "/api/v1/messages/" + conversation.inboundMessageId() + "/read", Map.of()))
			.hasStatus(403);
		assertThat(sentBodies()).isEmpty();

		MvcTestResult sent = withKey(sender, uri, text);

		assertThat(sent).hasStatus(201);
		assertThat(api.read(sent).path("direction").asString()).isEqualTo("OUT");
		assertThat(withKey(sender, "/api/v1/messages/" + conversation.inboundMessageId() + "/read", Map.of()))
			.hasStatus(204);
		assertThat(api.mvc().get().uri(uri).header("X-API-Key", sender).exchange())
			.as("messages:send does not read").hasStatus(403);
		assertThat(sentBodies().stream().filter(body -> body.has("text")).count()).isEqualTo(1);
	}

	@Test
	void sendsATextReplyInsideTheWindowAndStoresItsWamid() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now().minus(1, ChronoUnit.HOURS));
		String sent = wamid();
		answer(tenant.phoneNumberId(), json(200, ACCEPTED.formatted(sent)));

		MvcTestResult result = send(conversation, Role.USER,
				Map.of("type", "text", "text", "We are on it", "replyTo", conversation.inboundMessageId()));

		assertThat(result).hasStatus(201);
		JsonNode message = api.read(result);
		assertThat(message.path("externalId").asString()).isEqualTo(sent);
		assertThat(message.path("direction").asString()).isEqualTo("OUT");
		assertThat(message.path("delivery").path("status").asString()).isEqualTo("ACCEPTED");
		JsonNode body = sentBodies().get(0);
		assertThat(body.path("to").asString()).isEqualTo(conversation.customer());
		assertThat(body.path("text").path("body").asString()).isEqualTo("We are on it");
		assertThat(body.path("context").path("message_id").asString()).isEqualTo(conversation.inboundWamid());
		assertThat(api.get("/api/v1/messages/" + message.path("id").asString(), conversation.token(Role.VIEWER)))
			.hasStatusOk();
	}

	@Test
	void sendsATemplateWithDeterministicLanguageAndInteractiveButtonsAndLists() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now());
		answer(tenant.phoneNumberId(), json(200, ACCEPTED.formatted("wamid.{{randomValue length=24 type='ALPHANUMERIC'}}"))
			.withTransformers("response-template"));

		assertThat(send(conversation, Role.MANAGER, Map.of("type", "template", "template",
				Map.of("name", "order_update", "language", "en_US", "bodyParameters", List.of("Ada", "#1042"), "buttons",
						List.of(Map.of("subType", "quick_reply", "index", 0, "value", "ORDER_1042")))))).hasStatus(201);
		assertThat(send(conversation, Role.MANAGER, Map.of("type", "buttons", "interactive", Map.of("body", "Is it done?",
				"buttons", List.of(Map.of("id", "done", "title", "Done"), Map.of("id", "later", "title", "Later"))))))
			.hasStatus(201);
		assertThat(send(conversation, Role.TENANT_ADMIN, Map.of("type", "list", "interactive", Map.of("body", "Priority?",
				"buttonText", "Pick", "sections", List.of(Map.of("title", "Priority", "rows",
						List.of(Map.of("id", "p1", "title", "High"), Map.of("id", "p2", "title", "Low"))))))))
			.hasStatus(201);

		List<JsonNode> bodies = sentBodies();
		assertThat(bodies).hasSize(3);
		JsonNode template = bodies.stream().filter(b -> b.has("template")).findFirst().orElseThrow().path("template");
		assertThat(template.path("language").path("policy").asString()).isEqualTo("deterministic");
		assertThat(template.path("components").path(0).path("parameters").path(1).path("text").asString()).isEqualTo("#1042");
		assertThat(bodies).extracting(b -> b.path("interactive").path("type").asString()).contains("button", "list");
	}

	@Test
	void refusesAFreeFormMessageOutsideTheWindowWithoutCallingMeta() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now().minus(25, ChronoUnit.HOURS));
		answer(tenant.phoneNumberId(), json(200, ACCEPTED.formatted(wamid())));

		MvcTestResult result = send(conversation, Role.USER, Map.of("type", "text", "text", "Any news?"));

		assertThat(result).hasStatus(409);
		assertThat(api.read(result).path("type").asString()).endsWith("/window-closed");
		assertThat(sentBodies()).isEmpty();
	}

	@Test
	void sendsTheNumbersFallbackTemplateOutsideTheWindow() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber(
				Map.of("fallbackTemplate", Map.of("name", "reopen_conversation", "language", "en_US")));
		Conversation conversation = conversation(tenant, Instant.now().minus(3, ChronoUnit.DAYS));
		answer(tenant.phoneNumberId(), json(200, ACCEPTED.formatted(wamid())));

		MvcTestResult result = send(conversation, Role.USER, Map.of("type", "text", "text", "Any news?"));

		assertThat(result).hasStatus(201);
		assertThat(api.read(result).path("type").asString()).isEqualTo("template");
		assertThat(sentBodies().get(0).path("template").path("name").asString()).isEqualTo("reopen_conversation");
	}

	@Test
	void surfacesMetasWindowClosedError131047AsTheSameProblemAndKeepsTheFailure() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now());
		answer(tenant.phoneNumberId(), json(400, graphError(131047, "Re-engagement message")));

		MvcTestResult result = send(conversation, Role.USER, Map.of("type", "text", "text", "Hello again"));

		assertThat(result).hasStatus(409);
		assertThat(api.read(result).path("type").asString()).endsWith("/window-closed");
		JsonNode messages = api.read(api.get("/api/v1/conversations/" + conversation.id() + "/messages",
				conversation.token(Role.VIEWER)));
		JsonNode outbound = messages.valueStream().filter(m -> m.path("direction").asString().equals("OUT")).findFirst().orElseThrow();
		assertThat(outbound.path("delivery").path("status").asString()).isEqualTo("FAILED");
		assertThat(outbound.path("delivery").path("errorCode").asInt()).isEqualTo(131047);
	}

	@Test
	void retriesMetasThroughputLimit130429AndSendsOnce() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now());
		String sent = wamid();
		graph.stubFor(post(urlPathEqualTo("/v23.0/" + tenant.phoneNumberId() + "/messages")).inScenario("throttled")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(400, graphError(130429, "Rate limit hit")))
			.willSetStateTo("open"));
		graph.stubFor(post(urlPathEqualTo("/v23.0/" + tenant.phoneNumberId() + "/messages")).inScenario("throttled")
			.whenScenarioStateIs("open")
			.willReturn(json(200, ACCEPTED.formatted(sent))));

		MvcTestResult result = send(conversation, Role.USER, Map.of("type", "text", "text", "Retry me"));

		assertThat(result).hasStatus(201);
		assertThat(api.read(result).path("externalId").asString()).isEqualTo(sent);
		assertThat(sentBodies()).hasSize(2);
	}

	@Test
	void returnsTheFirstResultForARepeatedIdempotencyKeyWithoutSendingAgain() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now());
		answer(tenant.phoneNumberId(), json(200, ACCEPTED.formatted(wamid())));
		String key = "client-key-" + java.util.UUID.randomUUID();

		MvcTestResult first = sendWithKey(conversation, key);
		MvcTestResult second = sendWithKey(conversation, key);

		assertThat(first).hasStatus(201);
		assertThat(second).hasStatus(200);
		assertThat(api.read(second).path("id").asString()).isEqualTo(api.read(first).path("id").asString());
		assertThat(sentBodies()).hasSize(1);
	}

	MvcTestResult sendWithKey(Conversation conversation, String key) {
		return api.mvc().post().uri("/api/v1/conversations/" + conversation.id() + "/messages")
			.header("Authorization", "Bearer " + conversation.token(Role.USER))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"text\",\"text\":\"once\"}")
			.exchange();
	}

	@Test
	void marksTheNumberAsNeedingAttentionWhenMetaRefusesItsToken() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now());
		answer(tenant.phoneNumberId(), json(401, graphError(190, "Invalid OAuth access token")));

		MvcTestResult result = send(conversation, Role.USER, Map.of("type", "text", "text", "hello"));

		assertThat(result).hasStatus(502);
		assertThat(api.read(result).path("type").asString()).endsWith("/number-needs-attention");
		assertThat(api.read(api.get("/api/v1/whatsapp/numbers/" + tenant.numberId(), tenant.fixture().token(Role.TENANT_ADMIN)))
			.path("status").asString()).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void endsAsReadWhateverOrderTheStatusesArriveInAndAFailureKeepsItsError() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now());
		String first = wamid();
		String second = wamid();
		graph.stubFor(post(urlPathEqualTo("/v23.0/" + tenant.phoneNumberId() + "/messages")).inScenario("two")
			.whenScenarioStateIs(Scenario.STARTED).willReturn(json(200, ACCEPTED.formatted(first))).willSetStateTo("second"));
		graph.stubFor(post(urlPathEqualTo("/v23.0/" + tenant.phoneNumberId() + "/messages")).inScenario("two")
			.whenScenarioStateIs("second").willReturn(json(200, ACCEPTED.formatted(second))));
		String firstId = api.read(send(conversation, Role.USER, Map.of("type", "text", "text", "one"))).path("id").asString();
		String secondId = api.read(send(conversation, Role.USER, Map.of("type", "text", "text", "two"))).path("id").asString();
		Instant now = Instant.now();

		for (String status : List.of("read", "delivered", "sent")) {
			assertThat(channel.post(delivery(entry(tenant.businessAccountId(), tenant.phoneNumberId(), "",
					status(first, status, conversation.customer(), now), "")))).hasStatusOk();
		}
		assertThat(channel.post(delivery(entry(tenant.businessAccountId(), tenant.phoneNumberId(), "",
				failedStatus(second, conversation.customer(), now, 131026, "Message undeliverable"), "")))).hasStatusOk();
		assertThat(channel.post(delivery(entry(tenant.businessAccountId(), tenant.phoneNumberId(), "",
				status(second, "delivered", conversation.customer(), now), "")))).hasStatusOk();

		JsonNode read = api.read(api.get("/api/v1/messages/" + firstId, conversation.token(Role.VIEWER)));
		assertThat(read.path("delivery").path("status").asString()).isEqualTo("READ");
		assertThat(read.path("statusHistory")).hasSize(3);
		JsonNode failed = api.read(api.get("/api/v1/messages/" + secondId, conversation.token(Role.VIEWER)));
		assertThat(failed.path("delivery").path("status").asString()).isEqualTo("FAILED");
		assertThat(failed.path("delivery").path("errorCode").asInt()).isEqualTo(131026);
		assertThat(failed.path("delivery").path("errorTitle").asString()).isEqualTo("Message undeliverable");
		MessageId firstMessage = MessageId.of(firstId);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				recorder.eventsOf(firstMessage, MessageStatusChanged.class)).extracting(MessageStatusChanged::status)
			.containsExactly("ACCEPTED", "READ"));
	}

	@Test
	void marksACustomersMessageAsReadOnWhatsApp() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now());
		answer(tenant.phoneNumberId(), json(200, "{\"success\":true}"));

		assertThat(api.post("/api/v1/messages/" + conversation.inboundMessageId() + "/read", conversation.token(Role.USER),
				null)).hasStatus(204);
		assertThat(api.post("/api/v1/messages/" + conversation.inboundMessageId() + "/read",
				conversation.token(Role.VIEWER), null)).hasStatus(403);

		JsonNode body = sentBodies().get(0);
		assertThat(body.path("status").asString()).isEqualTo("read");
		assertThat(body.path("message_id").asString()).isEqualTo(conversation.inboundWamid());
	}

	@Test
	void refusesSendingToViewersAndApiClientsAndAnotherTenantsConversation() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Conversation conversation = conversation(tenant, Instant.now());
		ChannelFixture.Tenant other = channel.tenantWithNumber();
		Map<String, Object> body = Map.of("type", "text", "text", "hi");

		assertThat(send(conversation, Role.VIEWER, body)).hasStatus(403);
		assertThat(send(conversation, Role.API_CLIENT, body)).hasStatus(403);
		assertThat(api.post("/api/v1/conversations/" + conversation.id() + "/messages",
				other.fixture().token(Role.TENANT_ADMIN), body)).hasStatus(404);
		assertThat(api.call(HttpMethod.GET, "/api/v1/conversations/" + conversation.id(), other.fixture().token(Role.USER), null))
			.hasStatus(404);
		assertThat(sentBodies()).isEmpty();
	}
}

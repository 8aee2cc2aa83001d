package com.whatsappflowhub.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.whatsapp.graph.AccessToken;
import com.whatsappflowhub.whatsapp.graph.Backoff;
import com.whatsappflowhub.whatsapp.graph.BusinessNumber;
import com.whatsappflowhub.whatsapp.graph.GraphClient;
import com.whatsappflowhub.whatsapp.graph.IdempotencyKey;
import com.whatsappflowhub.whatsapp.graph.InMemorySentMessages;
import com.whatsappflowhub.whatsapp.graph.OutboundMessage;
import com.whatsappflowhub.whatsapp.graph.SendOutcome;
import com.whatsappflowhub.whatsapp.graph.TemplateComponent;

/**
 * The Graph client against a local Graph API (WireMock) that holds it to Meta's official OpenAPI contract: the stub
 * only answers requests whose {@code User-Agent}, {@code Authorization} and {@code Content-Type} match the spec's
 * header rules, and every body the client sent is validated against the spec's JSON schemas after each test.
 */
class GraphClientContractTest {

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static GraphApiContract contract;

	static final String MESSAGES = "/v23.0/1122334455667/messages";

	static final BusinessNumber NUMBER = new BusinessNumber("1122334455667", new AccessToken("EAAB-test.token_1"));

	static final String ACCEPTED = """
			{"messaging_product":"whatsapp","contacts":[{"input":"4915100000001","wa_id":"4915100000001"}],
			 "messages":[{"id":"wamid.ACCEPTED1","message_status":"accepted"}]}""";

	final List<Duration> waited = new ArrayList<>();

	GraphClient client;

	@BeforeAll
	static void loadContract() {
		contract = GraphApiContract.load();
	}

	@BeforeEach
	void clientAgainstTheLocalGraph() {
		WhatsAppProperties properties = properties(graph.baseUrl());
		client = WhatsAppConfiguration.graphClient(properties, waited::add, new InMemorySentMessages(100),
				JsonMapper.shared());
	}

	static WhatsAppProperties properties(String baseUrl) {
		return new WhatsAppProperties(URI.create(baseUrl), "v23.0", "WhatsAppFlowHub/0.1.0", Duration.ofSeconds(2),
				Duration.ofSeconds(5), new WhatsAppProperties.Retry(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0),
				List.of("lookaside.fbsbx.com"), "", "", "demo-phone-number-id",
				new WhatsAppProperties.Webhook(org.springframework.util.unit.DataSize.ofMegabytes(1)),
				new WhatsAppProperties.Media(8, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(30)),
				Duration.ofSeconds(60));
	}

	/** Answers only requests that follow the spec's header rules; anything else gets WireMock's 404. */
	static void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
		graph.stubFor(post(urlEqualTo(MESSAGES))
			.withHeader("User-Agent", matching(contract.headerPattern("UserAgent").pattern()))
			.withHeader("Authorization", matching(contract.headerPattern("Authorization").pattern()))
			.withHeader("Content-Type", containing("application/json"))
			.willReturn(response));
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	static String graphError(int code, String message, String details) {
		return """
				{"error":{"message":"%s","type":"OAuthException","code":%d,
				 "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AbC123"}}"""
			.formatted(message, code, details);
	}

	List<JsonNode> sentBodies() {
		return graph.findAll(postRequestedFor(urlPathMatching("/v23.0/.*"))).stream()
			.map(LoggedRequest::getBodyAsString)
			.map(JsonMapper.shared()::readTree)
			.toList();
	}

	@AfterEach
	void everyBodySentFollowsTheContract() {
		for (LoggedRequest request : graph.findAll(postRequestedFor(urlPathMatching("/v23.0/.*")))) {
			JsonNode body = JsonMapper.shared().readTree(request.getBodyAsString());
			boolean readReceipt = "read".equals(body.path("status").asString(""));
			assertThat(readReceipt ? contract.validateMarkAsRead(body) : contract.validateMessage(body))
				.as("body sent: %s", body).isEmpty();
			assertThat(request.getHeader("User-Agent")).matches(contract.headerPattern("UserAgent"));
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer EAAB-test.token_1");
		}
	}

	@Test
	void sendsATextReplyWithPreviewUrl() {
		answer(json(200, ACCEPTED));

		SendOutcome outcome = client.send(NUMBER,
				new OutboundMessage.Text("4915100000001", "See https://example.com", true, "wamid.CUSTOMER1"),
				new IdempotencyKey("out-1"));

		assertThat(outcome).isEqualTo(new SendOutcome.Accepted("wamid.ACCEPTED1", false));
		JsonNode body = sentBodies().get(0);
		assertThat(body.path("recipient_type").asString()).isEqualTo("individual");
		assertThat(body.path("type").asString()).isEqualTo("text");
		assertThat(body.path("text").path("preview_url").asBoolean()).isTrue();
		assertThat(body.path("context").path("message_id").asString()).isEqualTo("wamid.CUSTOMER1");
	}

	@Test
	void sendsATemplateWithDeterministicLanguageAndHeaderBodyAndButtonParameters() {
		answer(json(200, ACCEPTED));

		SendOutcome outcome = client.send(NUMBER, new OutboundMessage.Template("4915100000001", "order_update", "en_US",
				List.of(new TemplateComponent.Header(
						List.of(new TemplateComponent.Media("image", "https://example.com/order.jpg"))),
						new TemplateComponent.Body(
								List.of(new TemplateComponent.Text("Ada"), new TemplateComponent.Text("#1042"))),
						new TemplateComponent.Button("quick_reply", 0,
								List.of(new TemplateComponent.Payload("ORDER_1042_DETAILS")))),
				null), new IdempotencyKey("out-2"));

		assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
		JsonNode template = sentBodies().get(0).path("template");
		assertThat(template.path("language").path("policy").asString()).isEqualTo("deterministic");
		assertThat(template.path("components")).hasSize(3);
		assertThat(template.path("components").path(2).path("parameters").path(0).path("payload").asString())
			.isEqualTo("ORDER_1042_DETAILS");
	}

	@Test
	void sendsInteractiveReplyButtonsAndLists() {
		answer(json(200, ACCEPTED));

		SendOutcome buttons = client.send(NUMBER, new OutboundMessage.ReplyButtons("4915100000001", "Task #12",
				"Is this done?", "FlowHub", List.of(new OutboundMessage.Button("task-12-done", "Done"),
						new OutboundMessage.Button("task-12-later", "Later")),
				"wamid.CUSTOMER2"), new IdempotencyKey("out-3"));
		SendOutcome list = client.send(NUMBER, new OutboundMessage.ListMessage("4915100000001", null, "Pick a priority",
				null, "Priorities", List.of(new OutboundMessage.Section("Priority",
						List.of(new OutboundMessage.Row("p1", "High", "Today"), new OutboundMessage.Row("p2", "Low", null)))),
				null), new IdempotencyKey("out-4"));

		assertThat(buttons).isInstanceOf(SendOutcome.Accepted.class);
		assertThat(list).isInstanceOf(SendOutcome.Accepted.class);
		List<JsonNode> bodies = sentBodies();
		assertThat(bodies).extracting(b -> b.path("interactive").path("type").asString())
			.containsExactlyInAnyOrder("button", "list");
	}

	@Test
	void sendsAReaction() {
		answer(json(200, ACCEPTED));

		SendOutcome outcome = client.send(NUMBER, new OutboundMessage.Reaction("4915100000001", "wamid.CUSTOMER3", "\uD83D\uDC4D"),
				new IdempotencyKey("out-5"));

		assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
		assertThat(sentBodies().get(0).path("reaction").path("message_id").asString()).isEqualTo("wamid.CUSTOMER3");
	}

	@Test
	void marksAMessageAsRead() {
		answer(json(200, "{\"success\":true}"));

		SendOutcome outcome = client.markAsRead(NUMBER, "wamid.CUSTOMER4");

		assertThat(outcome).isEqualTo(new SendOutcome.Accepted("wamid.CUSTOMER4", false));
		assertThat(sentBodies().get(0).path("status").asString()).isEqualTo("read");
	}

	@Test
	void reportsTheWindowClosedWhenAFreeFormMessageGoesOutAfter24Hours() {
		Instant now = Instant.parse("2026-11-26T12:00:00Z");
		WindowPolicy window = new WindowPolicy(Clock.fixed(now, ZoneOffset.UTC));
		Instant lastInbound = now.minus(Duration.ofHours(25));
		answer(json(400, graphError(131047, "(#131047) Re-engagement message",
				"Message failed to send because more than 24 hours have passed since the customer last replied to this number.")));
		OutboundMessage.Text text = new OutboundMessage.Text("4915100000001", "Your task is done", false, null);

		SendOutcome outcome = client.send(NUMBER, text, new IdempotencyKey("out-6"));

		assertThat(window.allows(text.isTemplate(), lastInbound)).isFalse();
		assertThat(outcome).isInstanceOf(SendOutcome.WindowClosed.class);
		WhatsAppError error = ((SendOutcome.WindowClosed) outcome).error();
		assertThat(error.code()).isEqualTo(131047);
		assertThat(error.title()).isEqualTo("(#131047) Re-engagement message");
		assertThat(error.details()).startsWith("Message failed to send because more than 24 hours");
		assertThat(graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).hasSize(1);
	}

	@Test
	void retriesARateLimitWithBackoffUntilItIsAccepted() {
		String limited = graphError(130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.");
		graph.stubFor(post(urlEqualTo(MESSAGES)).inScenario("throughput").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(400, limited)).willSetStateTo("limited-once"));
		graph.stubFor(post(urlEqualTo(MESSAGES)).inScenario("throughput").whenScenarioStateIs("limited-once")
			.willReturn(json(429, limited)).willSetStateTo("free"));
		graph.stubFor(post(urlEqualTo(MESSAGES)).inScenario("throughput").whenScenarioStateIs("free")
			.withHeader("User-Agent", matching(contract.headerPattern("UserAgent").pattern()))
			.willReturn(json(200, ACCEPTED)));

		SendOutcome outcome = client.send(NUMBER, new OutboundMessage.Text("4915100000001", "hello", false, null),
				new IdempotencyKey("out-7"));

		assertThat(outcome).isEqualTo(new SendOutcome.Accepted("wamid.ACCEPTED1", false));
		assertThat(graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).hasSize(3);
		assertThat(waited).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(sentBodies()).allSatisfy(body -> assertThat(body).isEqualTo(sentBodies().get(0)));
	}

	@Test
	void givesUpOnAPersistentRateLimitAfterTheBoundedAttempts() {
		answer(json(400, graphError(131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
				"Too many messages sent from this phone number to the same phone number in a short period of time.")));

		SendOutcome outcome = client.send(NUMBER, new OutboundMessage.Text("4915100000001", "hello", false, null),
				new IdempotencyKey("out-8"));

		assertThat(outcome).isInstanceOf(SendOutcome.RateLimited.class);
		assertThat(((SendOutcome.RateLimited) outcome).attempts()).isEqualTo(4);
		assertThat(((SendOutcome.RateLimited) outcome).error().code()).isEqualTo(131056);
		assertThat(graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).hasSize(4);
		assertThat(waited).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
	}

	@Test
	void retriesAPlain429AsARateLimit() {
		graph.stubFor(post(urlEqualTo(MESSAGES)).inScenario("plain").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)).willSetStateTo("ok"));
		graph.stubFor(post(urlEqualTo(MESSAGES)).inScenario("plain").whenScenarioStateIs("ok")
			.willReturn(json(200, ACCEPTED)));

		SendOutcome outcome = client.send(NUMBER, new OutboundMessage.Text("4915100000001", "hi", false, null),
				new IdempotencyKey("out-13"));

		assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
		assertThat(waited).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void neverSendsTheSameKeyTwice() {
		answer(json(200, ACCEPTED));
		OutboundMessage.Text text = new OutboundMessage.Text("4915100000001", "once", false, null);

		SendOutcome first = client.send(NUMBER, text, new IdempotencyKey("out-9"));
		SendOutcome again = client.send(NUMBER, text, new IdempotencyKey("out-9"));

		assertThat(first).isEqualTo(new SendOutcome.Accepted("wamid.ACCEPTED1", false));
		assertThat(again).isEqualTo(new SendOutcome.Accepted("wamid.ACCEPTED1", true));
		assertThat(graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).hasSize(1);
	}

	@Test
	void doesNotRetryAServerErrorBecauseMetaMayHaveAcceptedTheMessage() {
		answer(json(500, graphError(1, "An unknown error occurred", "unknown")));

		SendOutcome outcome = client.send(NUMBER, new OutboundMessage.Text("4915100000001", "hi", false, null),
				new IdempotencyKey("out-10"));

		assertThat(outcome).isInstanceOf(SendOutcome.Undetermined.class);
		assertThat(graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).hasSize(1);
		assertThat(waited).isEmpty();
	}

	@Test
	void classifiesMediaAuthAndOtherErrors() {
		answer(json(400, graphError(131053, "(#131053) Media upload error", "Unable to upload the media used in the message")));
		assertThat(client.send(NUMBER, new OutboundMessage.Text("4915100000001", "a", false, null), new IdempotencyKey("k1")))
			.isInstanceOf(SendOutcome.MediaFailed.class);

		graph.resetAll();
		answer(json(401, graphError(190, "Error validating access token: Session has expired", "expired")));
		SendOutcome expired = client.send(NUMBER, new OutboundMessage.Text("4915100000001", "a", false, null),
				new IdempotencyKey("k2"));
		assertThat(expired).isEqualTo(new SendOutcome.NumberNeedsAttention(
				new WhatsAppError(190, "Error validating access token: Session has expired", "expired"), 401));

		graph.resetAll();
		answer(json(403, graphError(200, "(#200) Permissions error", "missing whatsapp_business_messaging")));
		assertThat(client.send(NUMBER, new OutboundMessage.Text("4915100000001", "a", false, null), new IdempotencyKey("k3")))
			.isInstanceOf(SendOutcome.NumberNeedsAttention.class);

		graph.resetAll();
		answer(json(400, graphError(131026, "(#131026) Message undeliverable", "Receiver is incapable of receiving this message")));
		SendOutcome rejected = client.send(NUMBER, new OutboundMessage.Text("4915100000001", "a", false, null),
				new IdempotencyKey("k4"));
		assertThat(rejected).isEqualTo(new SendOutcome.Rejected(new WhatsAppError(131026,
				"(#131026) Message undeliverable", "Receiver is incapable of receiving this message"), 400));
		assertThat(waited).isEmpty();
	}

	@Test
	void sendsNothingThatTheSpecsHeaderRulesWouldRefuse() {
		graph.stubFor(post(urlEqualTo(MESSAGES)).withHeader("User-Agent", equalTo("Java-http-client/17"))
			.willReturn(json(422, "{}")));
		answer(json(200, ACCEPTED));

		SendOutcome outcome = client.send(NUMBER, new OutboundMessage.Text("4915100000001", "ua", false, null),
				new IdempotencyKey("out-11"));

		assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
	}

	@Test
	void retriesAConnectionThatCouldNotBeOpenedThenLeavesItUndetermined() {
		GraphClient offline = WhatsAppConfiguration.graphClient(properties("http://127.0.0.1:1"), waited::add,
				new InMemorySentMessages(10), JsonMapper.shared());

		SendOutcome outcome = offline.send(NUMBER, new OutboundMessage.Text("4915100000001", "hi", false, null),
				new IdempotencyKey("out-12"));

		assertThat(outcome).isInstanceOf(SendOutcome.Undetermined.class);
		assertThat(waited).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
	}
}

package com.whatsappflowhub.integrations.hooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.ChannelFixture;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbound webhooks end to end: endpoints registered through the API, events of the real pipeline (a task made through
 * the task API, a WhatsApp message through the signed webhook), a local WireMock server as the customer's endpoint
 * that checks what arrives with a verifier written from the specification, and the delivery engine's retries, dead
 * letters and the delivery log.
 */
@IntegrationTest
class OutboundWebhookTests {

	static final WireMockServer customer = new WireMockServer(wireMockConfig().dynamicPort());

	static final Pattern CLOUD_EVENT_ATTRIBUTE = Pattern.compile("[a-z0-9]{1,20}");

	@Autowired
	Api api;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	NumberSettings numberSettings;

	@Autowired
	DeliveryLog deliveryLog;

	@Autowired
	DeliveryLogRetention retention;

	@Autowired
	JsonMapper json;

	Api.TenantFixture tenant;

	String admin;

	@BeforeAll
	static void startTheCustomersServer() {
		customer.start();
	}

	@AfterAll
	static void stopTheCustomersServer() {
		customer.stop();
	}

	@BeforeEach
	void tenant() {
		tenant = api.newTenant();
		admin = tenant.token(Role.TENANT_ADMIN);
	}

	@Test
	void registeringAnEndpointShowsItsSecretOnceAndNoReadShowsItAgain() {
		String path = answering(200);
		MvcTestResult created = api.post("/api/v1/webhook-endpoints", admin, Map.of("url", customer.url(path), "events",
				List.of("task.created", "task.completed"), "description", "ERP"));

		assertThat(created).hasStatus(201);
		JsonNode endpoint = api.read(created);
		String id = endpoint.get("id").asString();
		String secret = endpoint.get("secret").asString();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/webhook-endpoints/" + id);
		assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
		assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(endpoint.get("events").valueStream().map(JsonNode::asString)).containsExactly("task.created",
				"task.completed");
		assertThat(endpoint.get("enabled").asBoolean()).isTrue();

		List<MvcTestResult> reads = List.of(api.get("/api/v1/webhook-endpoints", admin),
				api.get("/api/v1/webhook-endpoints/" + id, admin),
				api.call(HttpMethod.PATCH, "/api/v1/webhook-endpoints/" + id, admin, Map.of("description", "ERP (prod)")),
				api.get("/api/v1/webhook-endpoints/" + id + "/deliveries", admin));
		for (MvcTestResult read : reads) {
			assertThat(read).hasStatusOk();
			assertThat(body(read)).doesNotContain(secret).doesNotContain(secret.substring(6)).doesNotContain("\"secret\"");
		}
		assertThat(api.read(reads.get(2)).get("description").asString()).isEqualTo("ERP (prod)");
		assertThat(api.read(reads.get(0)).findValuesAsString("id")).containsExactly(id);
		assertThat(new String(storedSecret(id), StandardCharsets.ISO_8859_1)).doesNotContain(secret)
			.doesNotContain(secret.substring(6));
	}

	@Test
	void aTaskCreatedThroughTheApiReachesTheEndpointAsASignedCloudEvent() {
		String path = answering(200);
		JsonNode endpoint = register(path, "task.created");
		String secret = endpoint.get("secret").asString();

		JsonNode task = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Send the Acme invoice")));

		LoggedRequest request = requests(path, 1).get(0);
		byte[] body = request.getBody();
		JsonNode event = json.readTree(body);
		assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("type").asString()).isEqualTo("com.whatsappflowhub.task.created");
		assertThat(event.get("source").asString()).isEqualTo("/tenants/" + tenant.tenantId());
		assertThat(event.get("id").asString()).isNotBlank().isEqualTo(request.getHeader("webhook-id"));
		assertThat(event.get("subject").asString()).isEqualTo(task.get("id").asString());
		assertThat(event.get("tenantid").asString()).isEqualTo(tenant.tenantId());
		assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(Instant.parse(event.get("time").asString())).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
		assertThat(event.propertyNames()).allSatisfy(name -> assertThat(name).matches(CLOUD_EVENT_ATTRIBUTE));
		assertThat(event.get("data").get("id").asString()).isEqualTo(task.get("id").asString());
		assertThat(event.get("data").get("title").asString()).isEqualTo("Send the Acme invoice");
		assertThat(event.get("data").get("status").asString()).isEqualTo(task.get("status").asString());
		assertThat(verified(secret, request)).isTrue();
		assertThat(verified(SigningSecret.generate(new java.security.SecureRandom()).value(), request)).isFalse();

		JsonNode delivery = await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries(endpoint).get(0), d -> "DELIVERED".equals(d.get("status").asString()));
		assertThat(delivery.get("eventId").asString()).isEqualTo(request.getHeader("webhook-id"));
		assertThat(delivery.get("eventType").asString()).isEqualTo("task.created");
		assertThat(delivery.get("attempts")).hasSize(1);
		assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(200);
		assertThat(delivery.get("attempts").get(0).get("outcome").asString()).isEqualTo("DELIVERED");
	}

	@Test
	void aTemporaryFailureIsRetriedWithTheSameIdAndBodyAndBothAttemptsAreLogged() {
		String path = "/hooks/" + UUID.randomUUID();
		String scenario = "flaky-" + path;
		customer.stubFor(post(urlEqualTo(path)).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1").withBody("maintenance"))
			.willSetStateTo("up"));
		customer.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("up").willReturn(aResponse().withStatus(204)));
		JsonNode endpoint = register(path, "task.created");

		api.post("/api/v1/tasks", admin, Map.of("title", "Call the supplier back"));

		List<LoggedRequest> attempts = requests(path, 2);
		assertThat(attempts.get(1).getHeader("webhook-id")).isEqualTo(attempts.get(0).getHeader("webhook-id"));
		assertThat(attempts.get(1).getBody()).isEqualTo(attempts.get(0).getBody());
		assertThat(Long.parseLong(attempts.get(1).getHeader("webhook-timestamp")))
			.isGreaterThanOrEqualTo(Long.parseLong(attempts.get(0).getHeader("webhook-timestamp")));
		assertThat(attempts).allSatisfy(request -> assertThat(verified(endpoint.get("secret").asString(), request)).isTrue());
		JsonNode delivery = await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries(endpoint).get(0), d -> "DELIVERED".equals(d.get("status").asString()));
		assertThat(delivery.get("attempts").valueStream().map(a -> a.get("statusCode").asInt())).containsExactly(503, 204);
		assertThat(delivery.get("attempts").valueStream().map(a -> a.get("outcome").asString())).containsExactly("RETRY",
				"DELIVERED");
		assertThat(delivery.get("attempts").get(0).get("error").asString()).contains("503").contains("maintenance");
		assertThat(delivery.get("attempts").valueStream().map(a -> a.get("attempt").asInt())).containsExactly(1, 2);
		assertThat(customer.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(2);
	}

	@Test
	void aRefusalIsADeadLetterWithTheStatusAndTheStartOfTheAnswer() {
		String path = "/hooks/" + UUID.randomUUID();
		customer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(400).withBody("unknown field 'tenantid'")));
		JsonNode endpoint = register(path, "task.created");
		String secret = endpoint.get("secret").asString();

		api.post("/api/v1/tasks", admin, Map.of("title", "Refused downstream"));

		JsonNode dead = await().atMost(Duration.ofSeconds(15)).until(() -> deadLetter(endpoint), d -> d != null);
		assertThat(dead.get("lastError").asString()).contains("HTTP 400").contains("unknown field 'tenantid'");
		assertThat(dead.get("destination").asString()).isEqualTo("webhook:" + endpoint.get("id").asString());
		assertThat(dead.get("attempts").asInt()).isEqualTo(1);
		assertThat(dead.toString()).doesNotContain(secret).doesNotContain(secret.substring(6));
		JsonNode delivery = deliveries(endpoint).get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
		assertThat(delivery.get("attempts")).hasSize(1);
		assertThat(customer.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
	}

	@Test
	void aRedirectIsNotFollowedAndIsADeadLetter() {
		String path = "/hooks/" + UUID.randomUUID();
		String elsewhere = answering(200);
		customer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(301).withHeader("Location", elsewhere)));
		JsonNode endpoint = register(path, "task.created");

		api.post("/api/v1/tasks", admin, Map.of("title", "Moved away"));

		JsonNode dead = await().atMost(Duration.ofSeconds(15)).until(() -> deadLetter(endpoint), d -> d != null);
		assertThat(dead.get("lastError").asString()).contains("HTTP 301").contains("redirects are not followed")
			.contains(elsewhere);
		assertThat(customer.findAll(postRequestedFor(urlEqualTo(elsewhere)))).isEmpty();
		assertThat(deliveries(endpoint).get(0).get("status").asString()).isEqualTo("FAILED");
	}

	@Test
	void anEndpointThatAnswersGoneIsTurnedOffAndHearsNothingMore() {
		String path = answering(410);
		JsonNode endpoint = register(path, "task.created");
		String id = endpoint.get("id").asString();

		api.post("/api/v1/tasks", admin, Map.of("title", "Before the endpoint went away"));

		JsonNode off = await().atMost(Duration.ofSeconds(15))
			.until(() -> api.read(api.get("/api/v1/webhook-endpoints/" + id, admin)), e -> !e.get("enabled").asBoolean());
		assertThat(off.get("disabledReason").asString()).contains("410");
		assertThat(deadLetter(endpoint)).isNotNull();

		api.post("/api/v1/tasks", admin, Map.of("title", "After it went away"));
		assertThat(customer.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
		assertThat(deliveries(endpoint)).hasSize(1);

		JsonNode on = api.read(api.call(HttpMethod.PATCH, "/api/v1/webhook-endpoints/" + id, admin, Map.of("enabled", true)));
		assertThat(on.get("enabled").asBoolean()).isTrue();
		assertThat(on.path("disabledReason").isNull()).isTrue();
	}

	@Test
	void rotatingTheSecretSignsWithBothSecretsDuringTheOverlapAndWithTheNewOneAfter() {
		String path = answering(200);
		JsonNode endpoint = register(path, "task.created");
		String id = endpoint.get("id").asString();
		String previous = endpoint.get("secret").asString();

		MvcTestResult rotation = api.post("/api/v1/webhook-endpoints/" + id + "/rotate-secret", admin, null);

		assertThat(rotation).hasStatusOk();
		JsonNode rotated = api.read(rotation);
		String current = rotated.get("secret").asString();
		assertThat(current).startsWith("whsec_").isNotEqualTo(previous);
		assertThat(Instant.parse(rotated.get("previousSecretExpiresAt").asString()))
			.isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(Duration.ofMinutes(1)));
		assertThat(body(api.get("/api/v1/webhook-endpoints/" + id, admin))).doesNotContain(current).doesNotContain(previous);

		api.post("/api/v1/tasks", admin, Map.of("title", "Signed twice"));
		LoggedRequest during = requests(path, 1).get(0);
		assertThat(during.getHeader("webhook-signature").split(" ")).hasSize(2);
		assertThat(verified(current, during)).isTrue();
		assertThat(verified(previous, during)).isTrue();

		inTenant(() -> jdbc.sql("UPDATE webhook_endpoint SET previous_secret_until = now() - interval '1 second' WHERE id = ?")
			.param(UUID.fromString(id))
			.update()); // the overlap is over
		api.post("/api/v1/tasks", admin, Map.of("title", "Signed once"));
		LoggedRequest after = requests(path, 2).get(1);
		assertThat(after.getHeader("webhook-signature").split(" ")).hasSize(1);
		assertThat(verified(current, after)).isTrue();
		assertThat(verified(previous, after)).isFalse();
	}

	@Test
	void onlyTheTenantsAdministratorsAndKeysWithTheScopeManageEndpointsAndOtherTenantsSeeNone() {
		String path = answering(200);
		JsonNode endpoint = register(path, "task.created");
		String id = endpoint.get("id").asString();
		Map<String, Object> body = Map.of("url", customer.url(path), "events", List.of("task.created"));

		for (Role role : List.of(Role.MANAGER, Role.USER, Role.VIEWER, Role.API_CLIENT)) {
			String token = tenant.token(role);
			assertThat(api.get("/api/v1/webhook-endpoints", token)).as(role.name()).hasStatus(403);
			assertThat(api.get("/api/v1/webhook-endpoints/" + id, token)).as(role.name()).hasStatus(403);
			assertThat(api.post("/api/v1/webhook-endpoints", token, body)).as(role.name()).hasStatus(403);
			assertThat(api.post("/api/v1/webhook-endpoints/" + id + "/rotate-secret", token, null)).as(role.name())
				.hasStatus(403);
			assertThat(api.get("/api/v1/webhook-endpoints/" + id + "/deliveries", token)).as(role.name()).hasStatus(403);
		}

		String stranger = api.newTenant().token(Role.TENANT_ADMIN);
		List<MvcTestResult> foreign = List.of(api.get("/api/v1/webhook-endpoints/" + id, stranger),
				api.call(HttpMethod.PATCH, "/api/v1/webhook-endpoints/" + id, stranger, Map.of("enabled", false)),
				api.post("/api/v1/webhook-endpoints/" + id + "/rotate-secret", stranger, null),
				api.get("/api/v1/webhook-endpoints/" + id + "/deliveries", stranger),
				api.post("/api/v1/webhook-endpoints/" + id + "/deliveries/1/replay", stranger, null),
				api.call(HttpMethod.DELETE, "/api/v1/webhook-endpoints/" + id, stranger, null));
		for (MvcTestResult answer : foreign) {
			assertThat(answer).hasStatus(404);
			assertThat(answer.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(body(answer)).doesNotContain(path).doesNotContain("whsec_");
		}
		assertThat(api.read(api.get("/api/v1/webhook-endpoints", stranger))).isEmpty();
		assertThat(api.read(api.get("/api/v1/webhook-endpoints/" + id, admin)).get("enabled").asBoolean()).isTrue();

		String key = api.read(api.post("/api/v1/api-keys", admin, Map.of("name", "provisioning", "scopes",
				List.of("webhooks:manage")))).get("key").asString();
		MvcTestResult withKey = api.mvc().get().uri("/api/v1/webhook-endpoints").header("X-API-Key", key).exchange();
		assertThat(withKey).hasStatusOk();
		assertThat(api.read(withKey).findValuesAsString("id")).containsExactly(id);
		String readOnlyKey = api.read(api.post("/api/v1/api-keys", admin, Map.of("name", "reader", "scopes",
				List.of("tasks:read")))).get("key").asString();
		assertThat(api.mvc().get().uri("/api/v1/webhook-endpoints").header("X-API-Key", readOnlyKey).exchange())
			.hasStatus(403);

		String superAdmin = api.superAdminToken();
		assertThat(api.get("/api/v1/webhook-endpoints/" + id, superAdmin)).hasStatus(404);
		assertThat(api.get("/api/v1/webhook-endpoints", superAdmin)).hasStatusOk();
	}

	@Test
	void aUrlOrEventTheRulesRefuseIsA400NamingTheField() {
		MvcTestResult ftp = api.post("/api/v1/webhook-endpoints", admin,
				Map.of("url", "ftp://files.example.com/in", "events", List.of("task.created")));
		MvcTestResult credentials = api.post("/api/v1/webhook-endpoints", admin,
				Map.of("url", "https://user:pw@hooks.example.com/in", "events", List.of("task.created")));
		MvcTestResult unknownEvent = api.post("/api/v1/webhook-endpoints", admin,
				Map.of("url", customer.url("/x"), "events", List.of("task.exploded")));
		MvcTestResult noEvents = api.post("/api/v1/webhook-endpoints", admin,
				Map.of("url", customer.url("/x"), "events", List.of()));

		assertThat(fieldErrors(ftp)).containsExactly("url");
		assertThat(api.read(ftp).toString()).contains("must use https");
		assertThat(fieldErrors(credentials)).containsExactly("url");
		assertThat(fieldErrors(unknownEvent)).containsExactly("events");
		assertThat(api.read(unknownEvent).toString()).contains("task.created");
		assertThat(fieldErrors(noEvents)).containsExactly("events");
		String id = register(answering(200), "task.created").get("id").asString();
		MvcTestResult badChange = api.call(HttpMethod.PATCH, "/api/v1/webhook-endpoints/" + id, admin,
				Map.of("url", "gopher://hooks.example.com/"));
		assertThat(fieldErrors(badChange)).containsExactly("url");
		assertThat(api.read(api.get("/api/v1/webhook-endpoints", admin)).findValuesAsString("id")).containsExactly(id);
	}

	@Test
	void replayingADeliverySendsTheSameBodyAndIdAgainAsANewDelivery() {
		String path = answering(200);
		JsonNode endpoint = register(path, "task.created");
		api.post("/api/v1/tasks", admin, Map.of("title", "Once more"));
		LoggedRequest first = requests(path, 1).get(0);
		long original = await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries(endpoint).get(0), d -> "DELIVERED".equals(d.get("status").asString()))
			.get("id")
			.asLong();

		MvcTestResult replay = api.post("/api/v1/webhook-endpoints/" + endpoint.get("id").asString() + "/deliveries/"
				+ original + "/replay", admin, null);

		assertThat(replay).hasStatus(202);
		assertThat(api.read(replay).get("replayOf").asLong()).isEqualTo(original);
		LoggedRequest again = requests(path, 2).get(1);
		assertThat(again.getBody()).isEqualTo(first.getBody());
		assertThat(again.getHeader("webhook-id")).isEqualTo(first.getHeader("webhook-id"));
		assertThat(verified(endpoint.get("secret").asString(), again)).isTrue();
		JsonNode log = await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries(endpoint), l -> l.size() == 2 && "DELIVERED".equals(l.get(0).get("status").asString()));
		assertThat(log.get(0).get("replayOf").asLong()).isEqualTo(original);
		assertThat(log.get(1).get("id").asLong()).isEqualTo(original);
		assertThat(api.post("/api/v1/webhook-endpoints/" + endpoint.get("id").asString() + "/deliveries/"
				+ (original + 1_000_000) + "/replay", admin, null)).hasStatus(404);
	}

	@Test
	void aWhatsAppMessageReachesTheEndpointWhenReceivedAndWhenProcessed() {
		ChannelFixture channel = new ChannelFixture(api, jdbc, transactionManager, numberSettings);
		ChannelFixture.Tenant withNumber = channel.tenantWithNumber();
		tenant = withNumber.fixture();
		admin = tenant.token(Role.TENANT_ADMIN);
		String path = answering(200);
		register(path, "message.received", "message.processed");
		String wamid = ChannelFixture.wamid();

		assertThat(channel.post(ChannelFixture.textDelivery(withNumber, wamid, "447700900123", "Acme Ltd",
				"Can you send me the invoice by Friday?", Instant.now()))).hasStatusOk();

		List<JsonNode> events = requests(path, 2).stream().map(request -> json.readTree(request.getBody())).toList();
		assertThat(events).extracting(event -> event.get("type").asString())
			.containsExactlyInAnyOrder("com.whatsappflowhub.message.received", "com.whatsappflowhub.message.processed");
		JsonNode received = events.stream().filter(e -> e.get("type").asString().endsWith("received")).findFirst().get();
		JsonNode processed = events.stream().filter(e -> e.get("type").asString().endsWith("processed")).findFirst().get();
		assertThat(received.get("data").get("text").asString()).isEqualTo("Can you send me the invoice by Friday?");
		assertThat(received.get("subject").asString()).isEqualTo(received.get("data").get("messageId").asString());
		assertThat(processed.get("subject").asString()).isEqualTo(received.get("subject").asString());
		assertThat(processed.get("data").get("actionable").asBoolean()).isTrue();
		assertThat(processed.get("data").get("tasks")).isNotEmpty();
		assertThat(processed.get("data").get("metadata").get("modelVersion").asString()).isNotBlank();
	}

	@Test
	void aTenantWithoutEndpointsGetsNoMessagesAndADeletedEndpointNoMore() {
		api.post("/api/v1/tasks", admin, Map.of("title", "Nobody listens"));
		assertThat(messagesOfTenant()).isZero();

		String path = answering(200);
		JsonNode endpoint = register(path, "task.created");
		assertThat(api.call(HttpMethod.DELETE, "/api/v1/webhook-endpoints/" + endpoint.get("id").asString(), admin, null))
			.hasStatus(204);
		api.post("/api/v1/tasks", admin, Map.of("title", "Still nobody"));

		assertThat(messagesOfTenant()).isZero();
		assertThat(api.get("/api/v1/webhook-endpoints/" + endpoint.get("id").asString(), admin)).hasStatus(404);
	}

	@Test
	void theDeliveryLogForgetsMessagesOlderThanThirtyDays() {
		JsonNode endpoint = register(answering(200), "task.created");
		WebhookEndpointId id = WebhookEndpointId.of(endpoint.get("id").asString());
		Instant now = clock.instant();
		long old = inTenant(() -> deliveryLog.add(id, CloudEvents.newId(), WebhookEventType.TASK_CREATED, "s", "{}", null,
				now.minus(31, ChronoUnit.DAYS)).orElseThrow());
		long recent = inTenant(() -> deliveryLog.add(id, CloudEvents.newId(), WebhookEventType.TASK_CREATED, "s", "{}",
				null, now.minus(29, ChronoUnit.DAYS)).orElseThrow());
		inTenant(() -> {
			deliveryLog.recordAttempt(old, 500, 12, DeliveryLog.Outcome.RETRY, "HTTP 500", now.minus(31, ChronoUnit.DAYS));
			return null;
		});

		assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

		assertThat(inTenant(() -> deliveryLog.find(old))).isEmpty();
		assertThat(inTenant(() -> deliveryLog.find(recent))).isPresent();
		assertThat(inTenant(() -> jdbc.sql("SELECT count(*) FROM webhook_attempt WHERE delivery_id = ?")
			.param(old)
			.query(Long.class)
			.single())).isZero();
	}

	// --- the customer's side ---

	private String answering(int status) {
		String path = "/hooks/" + UUID.randomUUID();
		customer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
		return path;
	}

	private JsonNode register(String path, String... events) {
		MvcTestResult created = api.post("/api/v1/webhook-endpoints", admin,
				Map.of("url", customer.url(path), "events", List.of(events)));
		assertThat(created).hasStatus(201);
		return api.read(created);
	}

	private List<LoggedRequest> requests(String path, int atLeast) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> customer.findAll(postRequestedFor(urlEqualTo(path))), found -> found.size() >= atLeast);
	}

	/** What the customer's endpoint would decide, at the time the request was signed. */
	private static boolean verified(String secret, LoggedRequest request) {
		Map<String, String> headers = new java.util.HashMap<>();
		for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			if (request.containsHeader(name)) {
				headers.put(name, request.getHeader(name));
			}
		}
		long sent = Long.parseLong(request.getHeader("webhook-timestamp"));
		return new StandardWebhookVerifier(secret).verify(headers, request.getBody(), sent);
	}

	// --- our side ---

	private JsonNode deliveries(JsonNode endpoint) {
		MvcTestResult result = api.get("/api/v1/webhook-endpoints/" + endpoint.get("id").asString() + "/deliveries", admin);
		assertThat(result).hasStatusOk();
		return api.read(result);
	}

	private JsonNode deadLetter(JsonNode endpoint) {
		JsonNode letters = api.read(api.get("/api/v1/dead-letters?stage=integrations.webhook", admin));
		return letters.valueStream()
			.filter(letter -> ("webhook:" + endpoint.get("id").asString()).equals(letter.get("destination").asString()))
			.findFirst()
			.orElse(null);
	}

	private long messagesOfTenant() {
		return inTenant(() -> jdbc.sql("SELECT count(*) FROM webhook_delivery").query(Long.class).single());
	}

	private byte[] storedSecret(String endpoint) {
		return inTenant(() -> jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = ?")
			.param(UUID.fromString(endpoint))
			.query(byte[].class)
			.single());
	}

	private <T> T inTenant(java.util.function.Supplier<T> work) {
		return TenantContext.callAs(TenantId.of(tenant.tenantId()),
				() -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
	}

	private List<String> fieldErrors(MvcTestResult result) {
		assertThat(result).hasStatus(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		return api.read(result).get("errors").findValuesAsString("field");
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
		return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
	}
}

package com.whatsappflowhub.integrations.jira;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.integrations.InboundSignatures;
import com.whatsappflowhub.integrations.IntegrationContracts;
import com.whatsappflowhub.whatsapp.ChannelFixture;
import com.whatsappflowhub.whatsapp.GraphApiContract;
import com.whatsappflowhub.whatsapp.LocalGraphApi;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jira both ways through real HTTP: a local Jira site that checks every request against Atlassian's contract,
 * signed webhooks built from real Jira Cloud bodies, and the WhatsApp side against Meta's contract.
 */
@IntegrationTest
class JiraSyncTests {

	static final String SECRET = "jira-webhook-secret-0123456789";

	static final JsonMapper JSON = JsonMapper.shared();

	static LocalJira jira;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings numberSettings;

	@Autowired
	MutableClock clock;

	@Autowired
	JiraReconciliation reconciliation;

	@BeforeAll
	static void localJira() {
		jira = new LocalJira();
	}

	@AfterAll
	static void stopJira() {
		jira.close();
	}

	@BeforeEach
	void cleanSlate() {
		jira.violations.clear();
		jira.failNext(0, 503);
		jira.refuseCreate(null);
	}

	@AfterEach
	void everyRequestFollowedTheContract() {
		assertThat(jira.violations).isEmpty();
	}

	@Test
	void connectionsAreAdministeredByTenantAdminsReadByStaffAndNeverShowCredentials() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		MvcTestResult created = api.post("/api/v1/connections", admin, jiraConnection("Ops Jira"));
		assertThat(created).hasStatus(201);
		JsonNode connection = api.read(created);
		String id = connection.get("id").asString();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/connections/" + id);
		assertThat(connection.get("hasCredentials").asBoolean()).isTrue();
		assertThat(connection.get("config").get("issueType").asString()).isEqualTo("Task");
		assertThat(connection.toString()).doesNotContain(LocalJira.TOKEN).doesNotContain(SECRET);

		for (Role reader : List.of(Role.MANAGER, Role.USER)) {
			MvcTestResult read = api.get("/api/v1/connections/" + id, tenant.token(reader));
			assertThat(read).hasStatusOk();
			assertThat(api.read(read).toString()).doesNotContain(LocalJira.TOKEN).doesNotContain(SECRET);
			assertThat(api.read(api.get("/api/v1/connections", tenant.token(reader)))).hasSize(1);
			assertThat(api.post("/api/v1/connections", tenant.token(reader), jiraConnection("x"))).hasStatus(403);
			assertThat(api.call(HttpMethod.PATCH, "/api/v1/connections/" + id, tenant.token(reader), Map.of("name", "y")))
				.hasStatus(403);
			assertThat(api.call(HttpMethod.DELETE, "/api/v1/connections/" + id, tenant.token(reader), null)).hasStatus(403);
			assertThat(api.post("/api/v1/connections/" + id + "/test", tenant.token(reader), null)).hasStatus(403);
		}
		assertThat(api.get("/api/v1/connections", tenant.token(Role.VIEWER))).hasStatus(403);

		// another tenant's admin: 404, never data
		String stranger = api.newTenant().token(Role.TENANT_ADMIN);
		assertThat(api.get("/api/v1/connections/" + id, stranger)).hasStatus(404);
		assertThat(api.call(HttpMethod.PATCH, "/api/v1/connections/" + id, stranger, Map.of("name", "mine"))).hasStatus(404);
		assertThat(api.post("/api/v1/connections/" + id + "/test", stranger, null)).hasStatus(404);
		assertThat(api.get("/api/v1/connections/" + id + "/log", stranger)).hasStatus(404);
		assertThat(api.read(api.get("/api/v1/connections", stranger))).isEmpty();

		// bad input names the field
		Map<String, Object> noProject = jiraConnection("Broken");
		((Map<String, Object>) noProject.get("config")).remove("projectKey");
		MvcTestResult refused = api.post("/api/v1/connections", admin, noProject);
		assertThat(refused).hasStatus(400);
		assertThat(api.read(refused).get("detail").asString()).contains("config.projectKey");
		Map<String, Object> badFilter = jiraConnection("Filtered");
		((Map<String, Object>) badFilter.get("config")).put("filter", "task.priority ==");
		assertThat(api.read(api.post("/api/v1/connections", admin, badFilter)).get("detail").asString())
			.contains("config.filter");
		assertThat(api.post("/api/v1/connections", admin, Map.of("type", "fax", "name", "Fax"))).hasStatus(400);
		assertThat(api.post("/api/v1/connections", admin, jiraConnection("Ops Jira"))).hasStatus(400); // name taken

		// the test calls Jira as the connection and remembers who we are there
		JsonNode test = api.read(api.post("/api/v1/connections/" + id + "/test", admin, null));
		assertThat(test.get("ok").asBoolean()).as(test.toString()).isTrue();
		assertThat(test.get("detail").asString()).contains("FlowHub bot");
		assertThat(api.read(api.get("/api/v1/connections/" + id, admin)).get("remote").get("accountId").asString())
			.isEqualTo(LocalJira.ACCOUNT);

		// rotating one credential keeps the others; a wrong token fails the test with Jira's reason
		assertThat(api.call(HttpMethod.PATCH, "/api/v1/connections/" + id, admin,
				Map.of("credentials", Map.of("apiToken", "wrong-token")))).hasStatusOk();
		JsonNode failed = api.read(api.post("/api/v1/connections/" + id + "/test", admin, null));
		assertThat(failed.get("ok").asBoolean()).isFalse();
		assertThat(failed.get("detail").asString()).contains("401");
		JsonNode log = api.read(api.get("/api/v1/connections/" + id + "/log", admin));
		assertThat(log.get(0).get("operation").asString()).isEqualTo("test");
		assertThat(log.get(0).get("outcome").asString()).isEqualTo("FAILED");
		assertThat(log.toString()).doesNotContain("wrong-token");

		assertThat(api.call(HttpMethod.DELETE, "/api/v1/connections/" + id, admin, null)).hasStatus(204);
		assertThat(api.get("/api/v1/connections/" + id, admin)).hasStatus(404);
	}

	@Test
	void aWhatsAppRequestBecomesAJiraIssueAndDoneInJiraCompletesTheTaskAndTellsTheCustomer() throws Exception {
		Instant tuesday = Instant.parse("2026-12-01T19:00:00Z");
		LocalGraphApi graph = new LocalGraphApi().start();
		clock.advance(Duration.between(Instant.now(), tuesday.plusSeconds(60)));
		try {
			ChannelFixture channel = new ChannelFixture(api, jdbc, transactions, numberSettings);
			ChannelFixture.Tenant tenant = channel.tenantWithNumber();
			String admin = tenant.fixture().token(Role.TENANT_ADMIN);
			String connection = connect(admin, "Support Jira");
			String customer = "4477019" + (10000 + (int) (Math.random() * 89999));

			assertThat(channel.post(ChannelFixture.textDelivery(tenant, ChannelFixture.wamid(), customer, "Acme Ltd",
					"Can you please send the signed contract to Acme by Friday? It is urgent.", tuesday))).hasStatusOk();

			JsonNode task = await().atMost(Duration.ofSeconds(20)).until(() -> linked(admin), t -> t != null);
			JsonNode ref = task.get("externalRefs").get("jira");
			String key = ref.get("key").asString();
			assertThat(ref.get("connectionId").asString()).isEqualTo(connection);
			assertThat(ref.get("url").asString()).isEqualTo(jira.baseUrl() + "/browse/" + key);
			JsonNode fields = jira.issues.get(key).get("fields");
			assertThat(fields.get("summary").asString()).isEqualTo(task.get("title").asString());
			assertThat(fields.get("project").get("key").asString()).isEqualTo("TES");
			assertThat(fields.get("priority").get("name").asString()).isEqualTo("Highest");
			assertThat(fields.get("duedate").asString()).isEqualTo("2026-12-04"); // Friday in New York
			assertThat(fields.get("labels").toString()).contains("flowhub").contains("flowhub-" + task.get("id").asString());
			assertThat(fields.get("description").toString()).contains("signed contract").contains("Acme Ltd")
				.contains("/tasks/" + task.get("id").asString());
			assertThat(jira.created()).isPositive();

			// someone moves it to Done in Jira: Jira's own webhook body (a real Cloud delivery), signed
			jira.setStatus(key, "31");
			ObjectNode event = body("webhook-issue-updated-resolved.json");
			((ObjectNode) event.get("issue")).put("key", key);
			((ObjectNode) event.get("issue")).set("fields", jira.issues.get(key).get("fields").deepCopy());
			byte[] signed = JSON.writeValueAsBytes(event);
			assertThat(webhook(connection, signed, sign(signed), "wh-" + key + "-done")).hasStatusOk();

			String id = task.get("id").asString();
			JsonNode done = api.read(api.get("/api/v1/tasks/" + id, admin));
			assertThat(done.get("status").asString()).isEqualTo("DONE");
			JsonNode history = api.read(api.get("/api/v1/tasks/" + id + "/history", admin));
			JsonNode last = history.get(history.size() - 1);
			assertThat(last.get("actorType").asString()).isEqualTo("INTEGRATION");
			assertThat(last.get("actorId").asString()).isEqualTo("jira:" + event.get("user").get("displayName").asString());

			// the customer hears that it is done, within Meta's contract
			GraphApiContract meta = GraphApiContract.load();
			List<JsonNode> toCustomer = await().atMost(Duration.ofSeconds(20))
				.until(() -> graph.sentTextsTo(customer), sent -> sent.stream()
					.anyMatch(m -> m.get("text").get("body").asString().startsWith("Done")));
			toCustomer.forEach(message -> assertThat(meta.validateMessage(message)).isEmpty());

			// the same webhook again (Jira retries) changes nothing
			int versions = done.get("version").asInt();
			assertThat(webhook(connection, signed, sign(signed), "wh-" + key + "-done")).hasStatusOk();
			assertThat(api.read(api.get("/api/v1/tasks/" + id, admin)).get("version").asInt()).isEqualTo(versions);

			// and no echo: nothing was pushed back to Jira for the change that came from there
			await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> true);
			assertThat(jira.requests.stream().filter(r -> r.startsWith("PUT /rest/api/3/issue/" + key)).count())
				.isLessThanOrEqualTo(1); // at most the update made by the routing rules right after creation
		}
		finally {
			clock.reset();
			graph.stop();
		}
	}

	@Test
	void aTaskCompletedThroughOurApiTransitionsTheIssueAndACommentReachesIt() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		connect(admin, "Dev Jira");
		String id = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Renew the TLS certificate",
				"priority", "high"))).get("id").asString();
		String key = await().atMost(Duration.ofSeconds(20)).until(() -> jiraKey(admin, id), k -> k != null);
		assertThat(jira.issues.get(key).get("fields").get("priority").get("name").asString()).isEqualTo("High");
		assertThat(jira.statusCategory(key)).isEqualTo("new");

		assertThat(api.post("/api/v1/tasks/" + id + "/start", admin, null)).hasStatusOk();
		await().atMost(Duration.ofSeconds(20)).until(() -> jira.statusCategory(key), "indeterminate"::equals);
		assertThat(api.post("/api/v1/tasks/" + id + "/comments", admin, Map.of("body", "Ordered from the CA"))).hasStatus(201);
		await().atMost(Duration.ofSeconds(20)).until(() -> jira.comments.getOrDefault(key, List.of()).size() == 1);
		assertThat(jira.comments.get(key).get(0).toString()).contains("Ordered from the CA");
		assertThat(api.post("/api/v1/tasks/" + id + "/complete", admin, null)).hasStatusOk();
		await().atMost(Duration.ofSeconds(20)).until(() -> jira.statusCategory(key), "done"::equals);

		// one issue, however many changes
		assertThat(jira.issues.values().stream()
			.filter(i -> i.get("fields").get("labels").toString().contains("flowhub-" + id))
			.count()).isEqualTo(1);
		JsonNode log = api.read(api.get("/api/v1/connections/" + connectionId(admin) + "/log", admin));
		assertThat(log.toString()).contains("\"create\"").contains("\"update\"").contains("\"comment\"");
	}

	@Test
	void unsignedForgedOrMisaddressedJiraWebhooksAre401AndChangeNothing() throws Exception {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String connection = connect(admin, "Guarded Jira");
		String id = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Check the backups"))).get("id").asString();
		String key = await().atMost(Duration.ofSeconds(20)).until(() -> jiraKey(admin, id), k -> k != null);
		ObjectNode event = body("webhook-issue-updated-resolved.json");
		((ObjectNode) event.get("issue")).put("key", key);
		byte[] signed = JSON.writeValueAsBytes(event);

		assertThat(webhook(connection, signed, null, "a")).hasStatus(401);
		assertThat(webhook(connection, signed, "sha256=" + "0".repeat(64), "b")).hasStatus(401);
		byte[] otherBody = JSON.writeValueAsBytes(event.put("timestamp", 1));
		assertThat(webhook(connection, otherBody, sign(signed), "c")).hasStatus(401); // signature of another body
		String otherSecret = "sha256=" + HexFormat.of()
			.formatHex(InboundSignatures.hmacSha256("another-secret-entirely-000", signed));
		assertThat(webhook(connection, signed, otherSecret, "d")).hasStatus(401);
		MvcTestResult unknown = webhook(java.util.UUID.randomUUID().toString(), signed, sign(signed), "e");
		assertThat(unknown).hasStatus(401);
		assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(api.read(api.get("/api/v1/tasks/" + id, admin)).get("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void jiraDownForAWhileIsRetriedAndTheIssueIsCreatedOnce() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		connect(admin, "Flaky Jira");
		int before = jira.created();
		jira.failNext(6, 503);
		String id = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Call the landlord"))).get("id").asString();

		String key = await().atMost(Duration.ofSeconds(40)).until(() -> jiraKey(admin, id), k -> k != null);
		assertThat(jira.created() - before).isEqualTo(1);
		JsonNode log = api.read(api.get("/api/v1/connections/" + connectionId(admin) + "/log", admin));
		assertThat(log.toString()).contains("RETRY").contains("503");
		assertThat(key).startsWith("TES-");
	}

	@Test
	void aPermanentRefusalIsADeadLetterWithJirasMessageThatCanBeReplayed() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		connect(admin, "Strict Jira");
		jira.refuseCreate("Priority name 'Highest' is not valid");
		String id = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Fix the leaking tap"))).get("id").asString();

		JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(() -> deadLetter(admin, id), d -> d != null);
		assertThat(dead.get("stage").asString()).isEqualTo("integrations.sync");
		assertThat(dead.get("lastError").asString()).contains("400").contains("Priority name 'Highest' is not valid");
		assertThat(jiraKey(admin, id)).isNull();

		jira.refuseCreate(null);
		assertThat(api.post("/api/v1/dead-letters/" + dead.get("id").asLong() + "/replay", admin, null)).hasStatus(202);
		assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> jiraKey(admin, id), k -> k != null)).isNotNull();
	}

	@Test
	void reconciliationCatchesAChangeWhoseWebhookNeverCame() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		connect(admin, "Quiet Jira");
		String id = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Order printer toner"))).get("id").asString();
		String key = await().atMost(Duration.ofSeconds(20)).until(() -> jiraKey(admin, id), k -> k != null);
		await().atMost(Duration.ofSeconds(10)).until(() -> api.read(api.get("/api/v1/connections/" + connectionId(admin)
				+ "/log", admin)).toString().contains("\"create\""));

		clock.advance(Duration.ofSeconds(2)); // Jira's change comes after our last push
		jira.setStatus(key, "31");
		((ObjectNode) jira.issues.get(key).get("fields")).put("updated",
				java.time.OffsetDateTime.ofInstant(clock.instant().plusSeconds(1), java.time.ZoneOffset.UTC)
					.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")));
		try {
			reconciliation.reconcileAll();
		}
		finally {
			clock.reset();
		}
		assertThat(api.read(api.get("/api/v1/tasks/" + id, admin)).get("status").asString()).isEqualTo("DONE");
	}

	@Test
	void aConnectionsFilterChoosesItsTasksAndARulesPushToOverridesIt() {
		Instant tuesday = Instant.parse("2026-12-01T19:00:00Z");
		LocalGraphApi graph = new LocalGraphApi().start();
		clock.advance(Duration.between(Instant.now(), tuesday.plusSeconds(60)));
		try {
			ChannelFixture channel = new ChannelFixture(api, jdbc, transactions, numberSettings);
			ChannelFixture.Tenant tenant = channel.tenantWithNumber();
			String admin = tenant.fixture().token(Role.TENANT_ADMIN);
			Map<String, Object> body = jiraConnection("Urgent only");
			((Map<String, Object>) body.get("config")).put("filter", "task.priority == 'urgent'");
			String connection = api.read(api.post("/api/v1/connections", admin, body)).get("id").asString();

			String low = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Water the plants", "priority", "low")))
				.get("id").asString();
			String urgent = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "The server is down",
					"priority", "urgent"))).get("id").asString();
			await().atMost(Duration.ofSeconds(20)).until(() -> jiraKey(admin, urgent), k -> k != null);

			// a rule sends invoices there whatever their priority
			assertThat(api.post("/api/v1/rules", admin, Map.of("name", "Invoices to Jira", "condition",
					"message.text.contains('invoice')", "actions", List.of(Map.of("type", "push_to", "connectionId",
							connection)), "stopProcessing", false))).hasStatus(201);
			assertThat(api.post("/api/v1/rules", admin, Map.of("name", "Nowhere", "condition", "true", "actions",
					List.of(Map.of("type", "push_to", "connectionId", java.util.UUID.randomUUID().toString())),
					"stopProcessing", false))).hasStatus(400);
			String customer = "4477029" + (10000 + (int) (Math.random() * 89999));
			assertThat(channel.post(ChannelFixture.textDelivery(tenant, ChannelFixture.wamid(), customer, "Acme Ltd",
					"Could you send me a copy of the invoice for November?", tuesday))).hasStatusOk();
			JsonNode invoice = await().atMost(Duration.ofSeconds(20)).until(() -> {
				for (JsonNode task : api.read(api.get("/api/v1/tasks", admin)).get("items")) {
					if (task.get("sourceMessageId") != null && !task.get("sourceMessageId").isNull()
							&& task.get("externalRefs").has("jira")) {
						return task;
					}
				}
				return null;
			}, t -> t != null);
			assertThat(invoice.get("priority").asString()).isNotEqualTo("urgent");
			assertThat(jiraKey(admin, low)).isNull();
		}
		finally {
			clock.reset();
			graph.stop();
		}
	}

	@Test
	void assigneesAreMatchedByEmailAndAssignmentsInJiraComeBack() throws Exception {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String connection = connect(admin, "People Jira");
		String accountId = "acc-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		jira.usersByEmail.put(tenant.spareEmail(), accountId);
		String id = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Repaint the gate", "assigneeId",
				tenant.spareUserId()))).get("id").asString();
		String key = await().atMost(Duration.ofSeconds(20)).until(() -> jiraKey(admin, id), k -> k != null);
		assertThat(jira.issues.get(key).get("fields").get("assignee").get("accountId").asString()).isEqualTo(accountId);
		assertThat(api.read(api.get("/api/v1/users/" + tenant.spareUserId() + "/external-identities", admin))
			.get("jira").asString()).isEqualTo(accountId);

		// in Jira, the issue goes to the manager, whom an admin mapped by hand
		String manager = tenant.userIds().get(Role.MANAGER);
		assertThat(api.call(HttpMethod.PUT, "/api/v1/users/" + manager + "/external-identities", admin,
				Map.of("jira", "acc-manager-" + manager.substring(0, 8)))).hasStatusOk();
		assertThat(api.call(HttpMethod.PUT, "/api/v1/users/" + manager + "/external-identities", admin,
				Map.of("Jira Cloud", "x"))).hasStatus(400);
		assertThat(api.call(HttpMethod.PUT, "/api/v1/users/" + manager + "/external-identities",
				tenant.token(Role.MANAGER), Map.of("jira", "x"))).hasStatus(403);
		ObjectNode event = body("webhook-issue-updated-multiple-values.json");
		ObjectNode issue = (ObjectNode) event.get("issue");
		issue.put("key", key);
		ObjectNode fields = (ObjectNode) issue.get("fields");
		fields.putObject("assignee").put("accountId", "acc-manager-" + manager.substring(0, 8)).put("displayName", "Boss");
		byte[] signed = JSON.writeValueAsBytes(event);
		assertThat(webhook(connection, signed, sign(signed), "wh-assign-" + key)).hasStatusOk();
		assertThat(api.read(api.get("/api/v1/tasks/" + id, admin)).get("assigneeId").asString()).isEqualTo(manager);
	}

	@Test
	void anOAuthConnectionRefreshesItsAccessTokenWhenJiraSays401() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		Map<String, Object> body = jiraConnection("OAuth Jira");
		body.put("credentials", Map.of("accessToken", "expired-access-token", "refreshToken", LocalJira.REFRESH_TOKEN,
				"clientId", "client-id", "clientSecret", "client-secret", "tokenUrl", jira.baseUrl() + "/oauth/token",
				"webhookSecret", SECRET));
		String id = api.read(api.post("/api/v1/connections", admin, body)).get("id").asString();
		int before = jira.refreshes.get();
		assertThat(api.read(api.post("/api/v1/connections/" + id + "/test", admin, null)).get("ok").asBoolean()).isTrue();
		assertThat(jira.refreshes.get() - before).isEqualTo(1);
		// the new access token was kept: the next call needs no refresh
		assertThat(api.read(api.post("/api/v1/connections/" + id + "/test", admin, null)).get("ok").asBoolean()).isTrue();
		assertThat(jira.refreshes.get() - before).isEqualTo(1);
		assertThat(api.read(api.get("/api/v1/connections/" + id, admin)).toString())
			.doesNotContain(LocalJira.FRESH_ACCESS_TOKEN).doesNotContain(LocalJira.REFRESH_TOKEN);
	}

	// --- helpers

	private String connect(String admin, String name) {
		MvcTestResult created = api.post("/api/v1/connections", admin, jiraConnection(name));
		assertThat(created).hasStatus(201);
		String id = api.read(created).get("id").asString();
		assertThat(api.read(api.post("/api/v1/connections/" + id + "/test", admin, null)).get("ok").asBoolean()).isTrue();
		return id;
	}

	private String connectionId(String admin) {
		return api.read(api.get("/api/v1/connections", admin)).get(0).get("id").asString();
	}

	private static Map<String, Object> jiraConnection(String name) {
		Map<String, Object> config = new java.util.HashMap<>(Map.of("baseUrl", jira.baseUrl(), "projectKey", "TES"));
		return new java.util.HashMap<>(Map.of("type", "jira", "name", name, "config", config, "credentials",
				Map.of("email", LocalJira.EMAIL, "apiToken", LocalJira.TOKEN, "webhookSecret", SECRET)));
	}

	private JsonNode linked(String admin) {
		for (JsonNode task : api.read(api.get("/api/v1/tasks", admin)).get("items")) {
			if (task.get("externalRefs").has("jira")) {
				return task;
			}
		}
		return null;
	}

	private String jiraKey(String admin, String taskId) {
		JsonNode ref = api.read(api.get("/api/v1/tasks/" + taskId, admin)).get("externalRefs").get("jira");
		return ref == null ? null : ref.get("key").asString();
	}

	private JsonNode deadLetter(String admin, String marker) {
		for (JsonNode letter : api.read(api.get("/api/v1/dead-letters?limit=1000", admin))) {
			if (letter.get("payload").asString().contains(marker)) {
				return letter;
			}
		}
		return null;
	}

	private static ObjectNode body(String file) throws java.io.IOException {
		return (ObjectNode) JSON.readTree(Files.readString(IntegrationContracts.vendor("jira")
			.resolve("webhooks/mattermost-plugin-jira/" + file)));
	}

	private static String sign(byte[] body) {
		return "sha256=" + HexFormat.of().formatHex(InboundSignatures.hmacSha256(SECRET, body));
	}

	private MvcTestResult webhook(String connection, byte[] body, String signature, String identifier) {
		var request = api.mvc().post().uri("/webhooks/jira/" + connection).contentType(MediaType.APPLICATION_JSON)
			.content(body).header("X-Atlassian-Webhook-Identifier", identifier);
		if (signature != null) {
			request = request.header("X-Hub-Signature", signature);
		}
		return request.exchange();
	}
}

package com.whatsappflowhub.integrations.slack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.ChannelFixture;
import com.whatsappflowhub.whatsapp.LocalGraphApi;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import org.junit.jupiter.api.AfterEach;
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
 * Slack both ways through real HTTP: a local Slack that checks every call against Slack's Web API document and Block
 * Kit's rules, and signed interactivity payloads built from Slack's own examples.
 */
@IntegrationTest
class SlackSyncTests {

	static final JsonMapper JSON = JsonMapper.shared();

	static final Duration WAIT = Duration.ofSeconds(20);

	final LocalSlack slack = SharedSlackServer.server();

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

	@BeforeEach
	void cleanSlate() {
		slack.reset();
	}

	@AfterEach
	void everyCallFollowedTheContract() {
		assertThat(slack.violations).isEmpty();
	}

	@Test
	void connectionsCheckSlackCredentialsAndTheTestLearnsTheTeamAppAndBot() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		LocalSlack.Workspace workspace = slack.workspace("Acme");

		Map<String, Object> badToken = slackConnection(workspace, "Ops Slack");
		((Map<String, Object>) badToken.get("credentials")).put("botToken", "xoxp-a-user-token-1234567");
		assertThat(api.read(api.post("/api/v1/connections", admin, badToken)).get("detail").asString())
			.contains("credentials.botToken");
		Map<String, Object> noSecret = slackConnection(workspace, "Ops Slack");
		((Map<String, Object>) noSecret.get("credentials")).remove("signingSecret");
		assertThat(api.read(api.post("/api/v1/connections", admin, noSecret)).get("detail").asString())
			.contains("credentials.signingSecret");
		Map<String, Object> noChannel = slackConnection(workspace, "Ops Slack");
		((Map<String, Object>) noChannel.get("config")).put("channel", "Not A Channel!");
		assertThat(api.read(api.post("/api/v1/connections", admin, noChannel)).get("detail").asString())
			.contains("config.channel");

		MvcTestResult created = api.post("/api/v1/connections", admin, slackConnection(workspace, "Ops Slack"));
		assertThat(created).hasStatus(201);
		String id = api.read(created).get("id").asString();
		JsonNode test = api.read(api.post("/api/v1/connections/" + id + "/test", admin, null));
		assertThat(test.get("ok").asBoolean()).as(test.toString()).isTrue();
		assertThat(test.get("detail").asString()).contains("Acme");
		JsonNode remote = api.read(api.get("/api/v1/connections/" + id, admin)).get("remote");
		assertThat(remote.get("team_id").asString()).isEqualTo(workspace.teamId());
		assertThat(remote.get("app_id").asString()).isEqualTo(workspace.appId());
		assertThat(remote.get("bot_id").asString()).isEqualTo(workspace.botId());
		assertThat(remote.get("user_id").asString()).isEqualTo(workspace.botUserId());

		for (Role reader : List.of(Role.TENANT_ADMIN, Role.MANAGER, Role.USER)) {
			MvcTestResult read = api.get("/api/v1/connections/" + id, tenant.token(reader));
			assertThat(read).hasStatusOk();
			assertThat(api.read(read).get("hasCredentials").asBoolean()).isTrue();
			assertThat(api.read(read).toString()).doesNotContain(workspace.botToken())
				.doesNotContain(workspace.signingSecret());
		}
		assertThat(api.post("/api/v1/connections/" + id + "/test", tenant.token(Role.MANAGER), null)).hasStatus(403);
		String stranger = api.newTenant().token(Role.TENANT_ADMIN);
		assertThat(api.get("/api/v1/connections/" + id, stranger)).hasStatus(404);
		assertThat(api.post("/api/v1/connections/" + id + "/test", stranger, null)).hasStatus(404);

		// an uninstalled app: the test says so in Slack's words, and the log keeps no secret
		slack.revoke(workspace);
		JsonNode failed = api.read(api.post("/api/v1/connections/" + id + "/test", admin, null));
		assertThat(failed.get("ok").asBoolean()).isFalse();
		assertThat(failed.get("detail").asString()).contains("invalid_auth");
		assertThat(api.read(api.get("/api/v1/connections/" + id + "/log", admin)).toString())
			.doesNotContain(workspace.botToken());
	}

	@Test
	void aWhatsAppRequestBecomesACardWithTheSenderTheConfidenceAndTheDueDateInTheTenantsZone() {
		Instant tuesday = Instant.parse("2026-12-01T19:00:00Z");
		LocalGraphApi graph = new LocalGraphApi().start();
		clock.advance(Duration.between(Instant.now(), tuesday.plusSeconds(60)));
		try {
			ChannelFixture channel = new ChannelFixture(api, jdbc, transactions, numberSettings);
			ChannelFixture.Tenant tenant = channel.tenantWithNumber();
			String admin = tenant.fixture().token(Role.TENANT_ADMIN);
			LocalSlack.Workspace workspace = slack.workspace("Acme");
			String connection = connect(admin, workspace, "Support Slack");
			String customer = "4477019" + (10000 + (int) (Math.random() * 89999));

			assertThat(channel.post(ChannelFixture.textDelivery(tenant, ChannelFixture.wamid(), customer, "Acme Ltd",
					"Can you please send the signed contract to Acme by Friday? It is urgent.", tuesday))).hasStatusOk();

			JsonNode task = await().atMost(WAIT).until(() -> linked(admin), t -> t != null);
			JsonNode ref = task.get("externalRefs").get("slack");
			assertThat(ref.get("connectionId").asString()).isEqualTo(connection);
			String card = ref.get("key").asString();
			assertThat(card).isEqualTo(slack.channelId(workspace, "ops") + "/" + card.substring(card.indexOf('/') + 1));
			assertThat(ref.get("url").asString()).startsWith("https://" + workspace.domain() + ".slack.com/archives/")
				.endsWith("/p" + card.substring(card.indexOf('/') + 1).replace(".", ""));

			ObjectNode message = slack.messages.get(card);
			JsonNode blocks = message.get("blocks");
			assertThat(blocks.get(0).get("type").asString()).isEqualTo("header");
			assertThat(blocks.get(0).get("text").get("text").asString()).isEqualTo(task.get("title").asString());
			String facts = blocks.get(1).toString();
			assertThat(facts).contains("Urgent").contains("Fri 4 Dec 2026").contains("America/New_York");
			String context = blocks.toString();
			assertThat(context).contains("From *Acme Ltd* on WhatsApp")
				.contains("AI confidence " + Math.round(task.get("confidence").asDouble() * 100) + "%");
			JsonNode buttons = blocks.get(blocks.size() - 1).get("elements");
			assertThat(buttons.get(0).get("url").asString()).endsWith("/tasks/" + task.get("id").asString());
			assertThat(buttons.get(1).get("action_id").asString()).isEqualTo(SlackCard.ACCEPT);
			assertThat(buttons.get(1).get("value").asString()).isEqualTo(task.get("id").asString());
			assertThat(buttons.get(2).get("action_id").asString()).isEqualTo(SlackCard.REASSIGN);
			assertThat(message.get("text").asString()).contains(task.get("title").asString().substring(0, 10));
			assertThat(slack.cards(workspace)).hasSize(1);
		}
		finally {
			clock.reset();
			graph.stop();
		}
	}

	@Test
	void aSignedAcceptAssignsTheTaskToTheClickerAndTheCardIsRewrittenToShowIt() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		LocalSlack.Workspace workspace = slack.workspace("Acme");
		String connection = connect(admin, workspace, "Ops Slack");
		String maria = slack.member(workspace, "maria", tenant.spareEmail()); // known here by her e-mail address
		String id = newTask(admin, "Renew the TLS certificate");
		String card = await().atMost(WAIT).until(() -> cardOf(admin, id), c -> c != null);

		ObjectNode click = SlackClicks.click(workspace, SlackCard.ACCEPT, card, id, maria, "maria", slack.trigger());
		long start = System.nanoTime();
		MvcTestResult answer = send(workspace, click);
		assertThat(answer).hasStatusOk();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(answer.getResponse().getContentLength()).isZero();

		await().atMost(WAIT).until(() -> task(admin, id).path("assigneeId").asString(""), tenant.spareUserId()::equals);
		JsonNode history = api.read(api.get("/api/v1/tasks/" + id + "/history", admin));
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.get("actorType").asString()).isEqualTo("INTEGRATION");
		assertThat(last.get("actorId").asString()).isEqualTo("slack:maria");
		assertThat(slack.calls(workspace, "users.info")).hasSize(1);

		// the change came from Slack but the card did not show it: the normal sync rewrites the card
		await().atMost(WAIT).until(() -> slack.messages.get(card).path("blocks").toString().contains("<@" + maria + ">"));
		assertThat(slack.messages.get(card).get("updates").asInt()).isPositive();
		assertThat(slack.messages.get(card).get("text").asString()).contains("assigned to User " + tenant.spareEmail());

		// the same click again (a retry, a double click delivered twice) changes nothing; Maria is mapped now
		int version = task(admin, id).get("version").asInt();
		assertThat(send(workspace, click)).hasStatusOk();
		ObjectNode again = SlackClicks.click(workspace, SlackCard.ACCEPT, card, id, maria, "maria", slack.trigger());
		assertThat(send(workspace, again)).hasStatusOk();
		await().pollDelay(Duration.ofMillis(800)).atMost(WAIT).until(() -> true);
		assertThat(task(admin, id).get("version").asInt()).isEqualTo(version);
		assertThat(slack.calls(workspace, "users.info")).hasSize(1);
		assertThat(slack.cards(workspace)).hasSize(1);
		JsonNode log = api.read(api.get("/api/v1/connections/" + connection + "/log", admin));
		assertThat(log.toString()).contains("\"accept\"").contains("\"INBOUND\"");
	}

	@Test
	void forgedStaleOrForeignClicksAre401AndChangeNothing() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		LocalSlack.Workspace workspace = slack.workspace("Acme");
		connect(admin, workspace, "Guarded Slack");
		String maria = slack.member(workspace, "maria", tenant.spareEmail());
		String id = newTask(admin, "Check the backups");
		String card = await().atMost(WAIT).until(() -> cardOf(admin, id), c -> c != null);
		ObjectNode click = SlackClicks.click(workspace, SlackCard.ACCEPT, card, id, maria, "maria", slack.trigger());
		byte[] body = SlackClicks.form(click);
		String now = String.valueOf(clock.instant().getEpochSecond());

		assertRefused(post(body, now, null));
		assertRefused(post(body, now, "v0=" + "0".repeat(64)));
		assertRefused(post(body, now, SlackSignature.sign("another-apps-signing-secret-0000", now, body)));
		byte[] other = SlackClicks.form(click.put("trigger_id", "1.2.3"));
		assertRefused(post(other, now, SlackSignature.sign(workspace.signingSecret(), now, body))); // another body
		String stale = String.valueOf(clock.instant().minusSeconds(301).getEpochSecond());
		assertRefused(post(body, stale, SlackSignature.sign(workspace.signingSecret(), stale, body)));
		assertRefused(post(body, null, SlackSignature.sign(workspace.signingSecret(), now, body)));
		assertRefused(post("payload=%7Bnot+json".getBytes(StandardCharsets.UTF_8), now,
				SlackSignature.sign(workspace.signingSecret(), now, "payload=%7Bnot+json".getBytes(StandardCharsets.UTF_8))));

		// another tenant's Slack app, signing a click on this tenant's card with its own secret: routed to its own
		// connection, where the card is no card of theirs
		Api.TenantFixture other2 = api.newTenant();
		LocalSlack.Workspace theirs = slack.workspace("Rival");
		connect(other2.token(Role.TENANT_ADMIN), theirs, "Rival Slack");
		ObjectNode foreign = SlackClicks.click(theirs, SlackCard.ACCEPT, card, id, maria, "maria", slack.trigger());
		assertThat(send(theirs, foreign)).hasStatusOk();
		// and this team's click signed with the other app's secret is nobody's
		assertRefused(post(SlackClicks.form(click), now,
				SlackSignature.sign(theirs.signingSecret(), now, SlackClicks.form(click))));

		await().pollDelay(Duration.ofMillis(800)).atMost(WAIT).until(() -> true);
		JsonNode task = task(admin, id);
		assertThat(task.path("assigneeId").isNull() || task.path("assigneeId").isMissingNode()).as(task.toString()).isTrue();
		assertThat(slack.ephemerals(maria)).isEmpty();
		assertThat(slack.calls(workspace, "users.info")).isEmpty();
		assertThat(slack.calls(theirs, "users.info")).isEmpty();
	}

	@Test
	void aClickBySomeoneWhoIsNobodyHereIsToldSoAndTheTaskStaysAsItWas() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		LocalSlack.Workspace workspace = slack.workspace("Acme");
		String connection = connect(admin, workspace, "Ops Slack");
		String guest = slack.member(workspace, "guest", "guest-" + tenant.slug() + "@elsewhere.example");
		String id = newTask(admin, "Order printer toner");
		String card = await().atMost(WAIT).until(() -> cardOf(admin, id), c -> c != null);
		int version = task(admin, id).get("version").asInt();

		assertThat(send(workspace, SlackClicks.click(workspace, SlackCard.ACCEPT, card, id, guest, "guest",
				slack.trigger()))).hasStatusOk();

		List<ObjectNode> told = await().atMost(WAIT).until(() -> slack.ephemerals(guest), list -> !list.isEmpty());
		assertThat(told.get(0).get("channel").asString()).isEqualTo(card.substring(0, card.indexOf('/')));
		assertThat(told.get(0).get("text").asString()).contains("not a member of staff").contains("Order printer toner");
		assertThat(task(admin, id).get("version").asInt()).isEqualTo(version);
		assertThat(api.read(api.get("/api/v1/connections/" + connection + "/log", admin)).toString())
			.contains("is nobody here");
	}

	@Test
	void reassignOpensAModalAtOnceAndItsSubmissionAssignsTheChosenPerson() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		LocalSlack.Workspace workspace = slack.workspace("Acme");
		connect(admin, workspace, "Ops Slack");
		String boss = slack.member(workspace, "boss", "boss-" + tenant.slug() + "@elsewhere.example");
		String maria = slack.member(workspace, "maria", tenant.spareEmail());
		String id = newTask(admin, "Call the landlord");
		String card = await().atMost(WAIT).until(() -> cardOf(admin, id), c -> c != null);

		// the click: the modal is open by the time Slack has its answer (the trigger is good for 3 s only)
		String trigger = slack.trigger();
		long start = System.nanoTime();
		assertThat(send(workspace, SlackClicks.click(workspace, SlackCard.REASSIGN, card, id, boss, "boss", trigger)))
			.hasStatusOk();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(slack.calls(workspace, "views.open")).hasSize(1);
		assertThat(slack.calls(workspace, "views.open").get(0).arguments().get("trigger_id")).isEqualTo(trigger);
		JsonNode view = slack.views.get(slack.views.size() - 1);
		assertThat(view.get("blocks").toString()).contains("Call the landlord").contains("users_select");

		// submitted without a choice: Slack shows the error on the field
		MvcTestResult empty = send(workspace, SlackClicks.submission(workspace, view, boss, "boss", null));
		assertThat(empty).hasStatusOk();
		assertThat(api.read(empty).get("response_action").asString()).isEqualTo("errors");

		MvcTestResult submitted = send(workspace, SlackClicks.submission(workspace, view, boss, "boss", maria));
		assertThat(submitted).hasStatusOk();
		assertThat(submitted.getResponse().getContentLength()).isZero(); // closes the modal
		await().atMost(WAIT).until(() -> task(admin, id).path("assigneeId").asString(""), tenant.spareUserId()::equals);
		JsonNode history = api.read(api.get("/api/v1/tasks/" + id + "/history", admin));
		assertThat(history.get(history.size() - 1).get("actorId").asString()).isEqualTo("slack:boss");
		await().atMost(WAIT).until(() -> slack.messages.get(card).path("blocks").toString().contains("<@" + maria + ">"));

		// a trigger Slack no longer honours: the user hears it went wrong, nothing else happens
		assertThat(send(workspace, SlackClicks.click(workspace, SlackCard.REASSIGN, card, id, boss, "boss",
				"123.456.expired"))).hasStatusOk();
		List<ObjectNode> told = await().atMost(WAIT).until(() -> slack.ephemerals(boss), list -> !list.isEmpty());
		assertThat(told.get(0).get("text").asString()).contains("Reassign");
	}

	@Test
	void aRevokedTokenOrAChannelWithoutTheBotIsADeadLetterInSlacksWordsAndCanBeReplayed() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		LocalSlack.Workspace workspace = slack.workspace("Acme");
		connect(admin, workspace, "Ops Slack");
		slack.revoke(workspace);
		String id = newTask(admin, "Fix the leaking tap");

		JsonNode dead = await().atMost(WAIT).until(() -> deadLetter(admin, id), d -> d != null);
		assertThat(dead.get("stage").asString()).isEqualTo("integrations.sync");
		assertThat(dead.get("lastError").asString()).contains("invalid_auth");
		assertThat(dead.toString()).doesNotContain(workspace.botToken());
		assertThat(cardOf(admin, id)).isNull();

		// a new token (the app reinstalled) in a channel the bot was never invited to
		LocalSlack.Workspace reinstalled = slack.workspace("Acme again");
		slack.channel(reinstalled, "quiet", false);
		String connection = api.read(api.get("/api/v1/connections", admin)).get(0).get("id").asString();
		assertThat(api.call(HttpMethod.PATCH, "/api/v1/connections/" + connection, admin, Map.of("config",
				Map.of("channel", "#quiet"), "credentials", Map.of("botToken", reinstalled.botToken())))).hasStatusOk();
		assertThat(api.post("/api/v1/dead-letters/" + dead.get("id").asLong() + "/replay", admin, null)).hasStatus(202);
		JsonNode again = await().atMost(WAIT).until(() -> deadLetter(admin, id),
				d -> d != null && d.get("lastError").asString().contains("not_in_channel"));
		assertThat(again.get("lastError").asString()).contains("chat.postMessage");

		assertThat(api.call(HttpMethod.PATCH, "/api/v1/connections/" + connection, admin,
				Map.of("config", Map.of("channel", "#ops")))).hasStatusOk();
		assertThat(api.post("/api/v1/dead-letters/" + again.get("id").asLong() + "/replay", admin, null)).hasStatus(202);
		assertThat(await().atMost(WAIT).until(() -> cardOf(admin, id), c -> c != null)).isNotNull();
	}

	@Test
	void aRateLimitIsWaitedOutAndTheCardPostedOnce() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		LocalSlack.Workspace workspace = slack.workspace("Acme");
		String connection = connect(admin, workspace, "Busy Slack");
		slack.failNext("chat.postMessage", 2, 429);
		String id = newTask(admin, "Book the meeting room");

		assertThat(await().atMost(WAIT).until(() -> cardOf(admin, id), c -> c != null)).isNotNull();
		assertThat(slack.cards(workspace)).hasSize(1);
		assertThat(slack.calls(workspace, "chat.postMessage")).hasSize(3);
		JsonNode log = api.read(api.get("/api/v1/connections/" + connection + "/log", admin));
		assertThat(log.toString()).contains("RETRY").contains("ratelimited").contains("429");
	}

	@Test
	void changesThroughOurApiRewriteTheCardCommentsGoToItsThreadAndDoneRemovesTheButtons() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		LocalSlack.Workspace workspace = slack.workspace("Acme");
		// never tested: the first card teaches the connection its team and app, so its buttons can be routed back
		MvcTestResult created = api.post("/api/v1/connections", admin, slackConnection(workspace, "Fresh Slack"));
		String connection = api.read(created).get("id").asString();
		String id = newTask(admin, "Renew the domain");
		String card = await().atMost(WAIT).until(() -> cardOf(admin, id), c -> c != null);
		assertThat(api.read(api.get("/api/v1/connections/" + connection, admin)).get("remote").get("team_id").asString())
			.isEqualTo(workspace.teamId());

		assertThat(api.post("/api/v1/tasks/" + id + "/start", admin, null)).hasStatusOk();
		await().atMost(WAIT).until(() -> slack.messages.get(card).get("blocks").get(1).toString().contains("In progress"));
		assertThat(api.post("/api/v1/tasks/" + id + "/comments", admin, Map.of("body", "Paid <for> 2 years"))).hasStatus(201);
		List<ObjectNode> thread = await().atMost(WAIT).until(() -> slack.replies.getOrDefault(card, List.of()),
				replies -> !replies.isEmpty());
		assertThat(thread.get(0).get("text").asString()).isEqualTo("*Admin*: Paid &lt;for&gt; 2 years");
		assertThat(thread.get(0).get("thread_ts").asString()).isEqualTo(card.substring(card.indexOf('/') + 1));

		assertThat(api.post("/api/v1/tasks/" + id + "/complete", admin, null)).hasStatusOk();
		await().atMost(WAIT).until(() -> slack.messages.get(card).get("blocks").toString().contains("Done"));
		JsonNode blocks = slack.messages.get(card).get("blocks");
		JsonNode buttons = blocks.get(blocks.size() - 1).get("elements");
		assertThat(buttons).hasSize(1);
		assertThat(buttons.get(0).get("action_id").asString()).isEqualTo(SlackCard.VIEW);
		assertThat(slack.cards(workspace)).hasSize(1);
	}

	// --- helpers

	private String connect(String admin, LocalSlack.Workspace workspace, String name) {
		MvcTestResult created = api.post("/api/v1/connections", admin, slackConnection(workspace, name));
		assertThat(created).hasStatus(201);
		String id = api.read(created).get("id").asString();
		assertThat(api.read(api.post("/api/v1/connections/" + id + "/test", admin, null)).get("ok").asBoolean()).isTrue();
		return id;
	}

	private static Map<String, Object> slackConnection(LocalSlack.Workspace workspace, String name) {
		Map<String, Object> config = new HashMap<>(Map.of("channel", "#ops"));
		Map<String, Object> credentials = new HashMap<>(
				Map.of("botToken", workspace.botToken(), "signingSecret", workspace.signingSecret()));
		return new HashMap<>(Map.of("type", "slack", "name", name, "config", config, "credentials", credentials));
	}

	private String newTask(String admin, String title) {
		MvcTestResult created = api.post("/api/v1/tasks", admin, Map.of("title", title, "priority", "high"));
		assertThat(created).hasStatus(201);
		return api.read(created).get("id").asString();
	}

	private JsonNode task(String admin, String id) {
		return api.read(api.get("/api/v1/tasks/" + id, admin));
	}

	private String cardOf(String admin, String id) {
		JsonNode ref = task(admin, id).get("externalRefs").get("slack");
		return ref == null ? null : ref.get("key").asString();
	}

	private JsonNode linked(String admin) {
		for (JsonNode task : api.read(api.get("/api/v1/tasks", admin)).get("items")) {
			if (task.get("externalRefs").has("slack")) {
				return task;
			}
		}
		return null;
	}

	private JsonNode deadLetter(String admin, String marker) {
		for (JsonNode letter : api.read(api.get("/api/v1/dead-letters?limit=1000", admin))) {
			if (letter.get("payload").asString().contains(marker)) {
				return letter;
			}
		}
		return null;
	}

	private MvcTestResult send(LocalSlack.Workspace workspace, JsonNode payload) {
		byte[] body = SlackClicks.form(payload);
		String timestamp = String.valueOf(clock.instant().getEpochSecond());
		return post(body, timestamp, SlackSignature.sign(workspace.signingSecret(), timestamp, body));
	}

	private MvcTestResult post(byte[] body, String timestamp, String signature) {
		var request = api.mvc().post().uri(SlackInteractivityController.PATH)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body);
		if (timestamp != null) {
			request = request.header("X-Slack-Request-Timestamp", timestamp);
		}
		if (signature != null) {
			request = request.header("X-Slack-Signature", signature);
		}
		return request.exchange();
	}

	private void assertRefused(MvcTestResult result) {
		assertThat(result).hasStatus(401);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
	}
}

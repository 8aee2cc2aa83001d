package com.whatsappflowhub.whatsapp;

import static com.whatsappflowhub.whatsapp.ChannelFixture.contact;
import static com.whatsappflowhub.whatsapp.ChannelFixture.delivery;
import static com.whatsappflowhub.whatsapp.ChannelFixture.entry;
import static com.whatsappflowhub.whatsapp.ChannelFixture.status;
import static com.whatsappflowhub.whatsapp.ChannelFixture.text;
import static com.whatsappflowhub.whatsapp.ChannelFixture.wamid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import com.whatsappflowhub.inbox.MessageReceived;
import com.whatsappflowhub.whatsapp.number.NumberSettings;

/** The webhook through HTTP: handshake, signatures, size limit, quarantine, routing, dedupe, one event per message. */
@IntegrationTest
class WebhookEndpointTests {

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

	@Autowired
	MeterRegistry meters;

	ChannelFixture channel;

	@BeforeEach
	void setUp() {
		channel = new ChannelFixture(api, jdbc, transactions, settings);
	}

	long messages(ChannelFixture.Tenant tenant, String wamid) {
		return channel.count(tenant.tenantId(), "SELECT count(*) FROM message WHERE external_id = ?", wamid);
	}

	MessageId messageId(ChannelFixture.Tenant tenant, String wamid) {
		return channel.inTenant(tenant.tenantId(), () -> new MessageId(
				jdbc.sql("SELECT id FROM message WHERE external_id = ?").param(wamid).query(UUID.class).single()));
	}

	@Test
	void answersMetasHandshakeWithTheChallengeForThePlatformVerifyToken() {
		MvcTestResult result = api.mvc().get().uri("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={t}&hub.challenge=1158201444",
				settings.verifyToken()).exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/plain").hasBodyTextEqualTo("1158201444");
	}

	@Test
	void answersTheHandshakeForANumbersOwnVerifyToken() {
		channel.tenantWithNumber(Map.of("verifyToken", "tenant-own-verify-token"));

		assertThat(api.mvc().get().uri("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=tenant-own-verify-token&hub.challenge=42")
			.exchange()).hasStatusOk().hasBodyTextEqualTo("42");
	}

	@Test
	void refusesTheHandshakeForAnUnknownTokenOrMode() {
		assertThat(api.mvc().get().uri("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=42")
			.exchange()).hasStatus(403);
		assertThat(api.mvc().get().uri("/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token={t}&hub.challenge=42",
				settings.verifyToken()).exchange()).hasStatus(403);
	}

	@Test
	void storesASignedTextMessageBeforeAnsweringAndPublishesMessageReceivedOnce() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String id = wamid();

		assertThat(channel.post(ChannelFixture.textDelivery(tenant, id, "4915100000001", "Ada", "Please fix the door",
				Instant.now()))).hasStatusOk();

		assertThat(messages(tenant, id)).isEqualTo(1);
		MessageId message = messageId(tenant, id);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorder.eventsOf(message, MessageReceived.class)).hasSize(1));
		MessageReceived event = recorder.eventsOf(message, MessageReceived.class).get(0);
		assertThat(event.tenantId()).isEqualTo(tenant.tenantId());
		assertThat(event.text()).isEqualTo("Please fix the door");
		assertThat(event.senderWaId()).isEqualTo("4915100000001");
		assertThat(event.senderName()).isEqualTo("Ada");
		assertThat(event.type()).isEqualTo("text");
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM whatsapp_delivery")).isEqualTo(1);
	}

	@Test
	void acceptsTheSignatureKnownAnswerVectorThroughHttp() throws Exception {
		JsonNode vector = JsonMapper.shared().readTree(Contracts.webhooks().resolve("signature/vector.json").toFile());
		byte[] body = Files.readAllBytes(Contracts.webhooks().resolve("signature").resolve(vector.path("body_file").asString()));
		assertThat(body).hasSize(vector.path("body_length_bytes").asInt());
		String phone = JsonMapper.shared().readTree(body).path("entry").path(0).path("changes").path(0).path("value")
			.path("metadata").path("phone_number_id").asString();
		String wamid = JsonMapper.shared().readTree(body).path("entry").path(0).path("changes").path(0).path("value")
			.path("messages").path(0).path("id").asString();
		Api.TenantFixture fixture = api.newTenant();
		// the vector was signed by a Meta app of its own: register the number with that app's secret
		String admin = fixture.token(Role.TENANT_ADMIN);
		SharedGraphServer.holds(phone, "264937493375603", ChannelFixture.ACCESS_TOKEN);
		MvcTestResult registered = api.post("/api/v1/whatsapp/numbers", admin, Map.of("phoneNumberId", phone,
				"businessAccountId", "264937493375603", "displayNumber", "15550953877", "accessToken",
				ChannelFixture.ACCESS_TOKEN, "appSecret", vector.path("app_secret").asString()));
		assertThat(registered).hasStatus(201);
		assertThat(api.read(registered).path("hasAppSecret").asBoolean()).isTrue();
		assertThat(api.read(registered).has("appSecret")).isFalse();

		MvcTestResult result = channel.post(body, vector.path("header_value").asString());

		assertThat(result).hasStatusOk();
		ChannelFixture.Tenant tenant = new ChannelFixture.Tenant(fixture, api.read(registered).path("id").asString(), phone,
				"264937493375603");
		assertThat(messages(tenant, wamid)).isEqualTo(1);
	}

	@Test
	void refusesForgedMissingAndAlteredSignaturesAndStoresNothing() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String id = wamid();
		byte[] body = ChannelFixture.textDelivery(tenant, id, "4915100000002", "Bo", "hello", Instant.now())
			.getBytes(StandardCharsets.UTF_8);
		String good = channel.sign(body);
		byte[] altered = new String(body, StandardCharsets.UTF_8).replace("hello", "hellO").getBytes(StandardCharsets.UTF_8);
		long quarantined = jdbc.sql("SELECT count(*) FROM whatsapp_quarantine").query(Long.class).single();

		assertThat(channel.post(body, null)).hasStatus(401);
		assertThat(channel.post(body, "sha256=" + "0".repeat(64))).hasStatus(401);
		assertThat(channel.post(body, "sha1=abc")).hasStatus(401);
		assertThat(channel.post(altered, good)).hasStatus(401);

		assertThat(messages(tenant, id)).isZero();
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM whatsapp_delivery")).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM whatsapp_quarantine").query(Long.class).single()).isEqualTo(quarantined);
	}

	@Test
	void refusesABodyOverTheSizeLimitWith413() {
		byte[] body = new byte[1024 * 1024 + 1];
		java.util.Arrays.fill(body, (byte) ' ');

		assertThat(channel.post(body)).hasStatus(413);
	}

	@Test
	void quarantinesASignedBodyThatIsNotJsonVerbatimAndAnswers400() {
		byte[] body = ("not json at all " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

		assertThat(channel.post(body)).hasStatus(400);

		byte[] kept = jdbc.sql("SELECT body FROM whatsapp_quarantine ORDER BY received_at DESC LIMIT 1")
			.query((rs, row) -> rs.getBytes(1))
			.single();
		assertThat(kept).isEqualTo(body);
	}

	@Test
	void quarantinesSignedJsonThatIsNotADelivery() {
		String body = "{\"object\":\"page\",\"entry\":[],\"marker\":\"" + UUID.randomUUID() + "\"}";

		assertThat(channel.post(body)).hasStatus(400);

		// compared as bytes: other bodies in the table need not be UTF-8 (a raw NUL is quarantined too)
		assertThat(jdbc.sql("SELECT count(*) FROM whatsapp_quarantine WHERE body = ?")
			.param(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void keepsItemsForAnUnknownNumberAsUnroutableCountsThemAndStillAnswers200() {
		String phone = "unknown-" + UUID.randomUUID();
		double before = meters.counter("whatsapp.webhook.unroutable.items").count();

		assertThat(channel.post(delivery(entry("waba-unknown", phone, text(wamid(), "4915100000003", "hi", Instant.now()),
				"", contact("4915100000003", "C"))))).hasStatusOk();

		assertThat(meters.counter("whatsapp.webhook.unroutable.items").count()).isEqualTo(before + 1);
		MvcTestResult listed = api.get("/api/v1/whatsapp/unroutable", api.superAdminToken());
		assertThat(listed).hasStatusOk();
		assertThat(api.read(listed).valueStream().map(n -> n.path("phoneNumberId").asString()).toList()).contains(phone);
		ChannelFixture.Tenant other = channel.tenantWithNumber();
		assertThat(api.get("/api/v1/whatsapp/unroutable", other.fixture().token(Role.TENANT_ADMIN))).hasStatus(403);
	}

	@Test
	void storesWhatArrivedForANumberBeforeItWasRegisteredOnceATenantRegistersIt() {
		String phone = "later-" + UUID.randomUUID();
		String account = "waba-later-" + UUID.randomUUID();
		String early = wamid();
		String unknownToo = "still-unknown-" + UUID.randomUUID();
		assertThat(channel.post(delivery(
				entry(account, phone, text(early, "4915100000060", "anyone there?", Instant.now()), "",
						contact("4915100000060", "Early")),
				entry("waba-other", unknownToo, text(wamid(), "4915100000061", "not yours", Instant.now()), "",
						contact("4915100000061", "Other"))))).hasStatusOk();
		Api.TenantFixture fixture = api.newTenant();
		SharedGraphServer.holds(phone, account, ChannelFixture.ACCESS_TOKEN);

		MvcTestResult registered = api.post("/api/v1/whatsapp/numbers", fixture.token(Role.TENANT_ADMIN), Map.of(
				"phoneNumberId", phone, "businessAccountId", account, "displayNumber", "+1 555 0100", "accessToken",
				ChannelFixture.ACCESS_TOKEN));

		assertThat(registered).hasStatus(201);
		ChannelFixture.Tenant tenant = new ChannelFixture.Tenant(fixture, api.read(registered).path("id").asString(), phone,
				account);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(messages(tenant, early)).isEqualTo(1));
		MessageId message = messageId(tenant, early);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorder.eventsOf(message, MessageReceived.class)).hasSize(1));
		List<String> unroutable = api.read(api.get("/api/v1/whatsapp/unroutable?limit=1000", api.superAdminToken()))
			.valueStream()
			.map(n -> n.path("phoneNumberId").asString())
			.toList();
		assertThat(unroutable).doesNotContain(phone).contains(unknownToo);
	}

	@Test
	void storesEveryMessageAndStatusOfTwoEntriesWithSeveralItemsEach() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<String> ids = List.of(wamid(), wamid(), wamid(), wamid(), wamid(), wamid());
		String outA = wamid();
		String outB = wamid();
		String first = entry(tenant.businessAccountId(), tenant.phoneNumberId(),
				String.join(",", text(ids.get(0), "4915100000010", "one", now), text(ids.get(1), "4915100000011", "two", now),
						text(ids.get(2), "4915100000010", "three", now)),
				String.join(",", status(outA, "sent", "4915100000010", now), status(outB, "delivered", "4915100000011", now)),
				contact("4915100000010", "Ten") + "," + contact("4915100000011", "Eleven"));
		String second = entry(tenant.businessAccountId(), tenant.phoneNumberId(),
				String.join(",", text(ids.get(3), "4915100000012", "four", now), text(ids.get(4), "4915100000012", "five", now),
						text(ids.get(5), "4915100000013", "six", now)),
				status(outA, "delivered", "4915100000010", now), contact("4915100000012", "Twelve") + "," + contact("4915100000013", "Thirteen"));

		assertThat(channel.post(delivery(first, second))).hasStatusOk();

		for (String id : ids) {
			assertThat(messages(tenant, id)).as(id).isEqualTo(1);
		}
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM message_status WHERE external_id IN (?, ?)", outA, outB))
			.isEqualTo(3);
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM contact")).isEqualTo(4);
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM conversation")).isEqualTo(4);
	}

	@Test
	void storesAndPublishesEachMessageOnceWhenTheSameDeliveryArrivesTwiceAndTwentyTimesConcurrently() throws Exception {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		Instant now = Instant.now();
		List<String> ids = List.of(wamid(), wamid(), wamid());
		String out = wamid();
		byte[] body = delivery(entry(tenant.businessAccountId(), tenant.phoneNumberId(),
				String.join(",", text(ids.get(0), "4915100000020", "a", now), text(ids.get(1), "4915100000021", "b", now),
						text(ids.get(2), "4915100000020", "c", now)),
				status(out, "sent", "4915100000020", now),
				contact("4915100000020", "Twenty") + "," + contact("4915100000021", "TwentyOne")))
			.getBytes(StandardCharsets.UTF_8);

		assertThat(channel.post(body)).hasStatusOk();
		assertThat(channel.post(body)).hasStatusOk();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<Integer>> posts = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				posts.add(() -> channel.post(body).getResponse().getStatus());
			}
			for (Future<Integer> status : pool.invokeAll(posts)) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}

		for (String id : ids) {
			assertThat(messages(tenant, id)).isEqualTo(1);
			MessageId message = messageId(tenant, id);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorder.eventsOf(message, MessageReceived.class)).hasSize(1));
		}
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM message_status WHERE external_id = ?", out)).isEqualTo(1);
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM contact")).isEqualTo(2);
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM whatsapp_delivery")).isEqualTo(1);
	}

	@Test
	void routesTheEntriesOfOneDeliveryToTheirOwnTenants() {
		ChannelFixture.Tenant a = channel.tenantWithNumber();
		ChannelFixture.Tenant b = channel.tenantWithNumber();
		String forA = wamid();
		String forB = wamid();

		assertThat(channel.post(delivery(
				entry(a.businessAccountId(), a.phoneNumberId(), text(forA, "4915100000030", "for a", Instant.now()), "",
						contact("4915100000030", "A")),
				entry(b.businessAccountId(), b.phoneNumberId(), text(forB, "4915100000031", "for b", Instant.now()), "",
						contact("4915100000031", "B"))))).hasStatusOk();

		assertThat(messages(a, forA)).isEqualTo(1);
		assertThat(messages(a, forB)).isZero();
		assertThat(messages(b, forB)).isEqualTo(1);
		assertThat(messages(b, forA)).isZero();
	}

	@Test
	void documentsTheChannelsApiAndExportsItsCounters() throws Exception {
		channel.post("{\"object\":\"page\"}");

		MvcTestResult openapi = api.mvc().get().uri("/v3/api-docs").exchange();
		assertThat(openapi).hasStatusOk();
		assertThat(openapi.getResponse().getContentAsString()).contains("/api/v1/whatsapp/numbers",
				"/api/v1/conversations/{id}/messages", "/api/v1/messages/{id}", "/webhooks/whatsapp");
		String metrics = api.mvc().get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();
		assertThat(metrics).contains("whatsapp_webhook_deliveries_total{outcome=\"not-a-delivery\"}",
				"whatsapp_webhook_unroutable_items_total");
	}

	@Test
	void linksAContactWhosePhoneIsAMemberOfStaff() throws Exception {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String admin = tenant.fixture().token(Role.TENANT_ADMIN);
		String staffPhone = "+49 151 " + (10000000 + (int) (Math.random() * 8999999));
		MvcTestResult user = api.post("/api/v1/users", admin, Map.of("email", Api.unique("staff") + "@example.com", "name",
				"Staff", "password", Api.PASSWORD, "roles", List.of("USER"), "phone", staffPhone));
		assertThat(user).hasStatus(201);
		String userId = api.read(user).path("id").asString();
		String id = wamid();

		assertThat(channel.post(ChannelFixture.textDelivery(tenant, id, staffPhone.replaceAll("[^0-9]", ""), "Staff",
				"the lift is broken", Instant.now()))).hasStatusOk();

		MessageId message = messageId(tenant, id);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorder.eventsOf(message, MessageReceived.class)).hasSize(1));
		assertThat(recorder.eventsOf(message, MessageReceived.class).get(0).staffUserId()).hasToString(userId);
	}
}

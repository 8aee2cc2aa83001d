package com.whatsappflowhub.inbox;

import static com.whatsappflowhub.whatsapp.ChannelFixture.contact;
import static com.whatsappflowhub.whatsapp.ChannelFixture.delivery;
import static com.whatsappflowhub.whatsapp.ChannelFixture.entry;
import static com.whatsappflowhub.whatsapp.ChannelFixture.wamid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.ChannelFixture;
import com.whatsappflowhub.whatsapp.number.NumberSettings;

/** The inbox as the API shows it: reactions, edits and deletes applied with history, search, reading by role. */
@IntegrationTest
class InboxTests {

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

	@BeforeEach
	void setUp() {
		channel = new ChannelFixture(api, jdbc, transactions, settings);
	}

	String post(ChannelFixture.Tenant tenant, String from, String messageJson) {
		assertThat(channel.post(delivery(entry(tenant.businessAccountId(), tenant.phoneNumberId(), messageJson, "",
				contact(from, "Customer"))))).hasStatusOk();
		return messageJson;
	}

	String idOf(ChannelFixture.Tenant tenant, String wamid) {
		return channel.inTenant(tenant.tenantId(),
				() -> jdbc.sql("SELECT id FROM message WHERE external_id = ?").param(wamid).query(UUID.class).single())
			.toString();
	}

	JsonNode message(ChannelFixture.Tenant tenant, String id) {
		return api.read(api.get("/api/v1/messages/" + id, tenant.fixture().token(Role.VIEWER)));
	}

	static String json(String from, String wamid, String type, String body) {
		return "{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%d\",\"type\":\"%s\",%s}".formatted(from, wamid,
				Instant.now().getEpochSecond(), type, body);
	}

	@Test
	void appliesReactionsEditsAndDeletesToTheOriginalKeepingItsHistory() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String from = "4915100000050";
		String original = wamid();
		post(tenant, from, ChannelFixture.text(original, from, "the heating is off", Instant.now()));
		String originalId = idOf(tenant, original);

		String reaction = wamid();
		post(tenant, from, json(from, reaction, "reaction", "\"reaction\":{\"message_id\":\"" + original + "\",\"emoji\":\"\\uD83D\\uDC4D\"}"));
		assertThat(message(tenant, originalId).path("reactions").path(0).path("emoji").asString()).isEqualTo("\uD83D\uDC4D");
		post(tenant, from, json(from, wamid(), "reaction", "\"reaction\":{\"message_id\":\"" + original + "\"}"));
		assertThat(message(tenant, originalId).path("reactions")).isEmpty();

		post(tenant, from, json(from, wamid(), "edit", "\"edit\":{\"original_message_id\":\"" + original
				+ "\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"the heating is off in room 4\"}}}"));
		JsonNode edited = message(tenant, originalId);
		assertThat(edited.path("text").asString()).isEqualTo("the heating is off in room 4");
		assertThat(edited.path("editedAt").isNull()).isFalse();
		assertThat(edited.path("revisions").path(0).path("previousText").asString()).isEqualTo("the heating is off");

		post(tenant, from, json(from, wamid(), "revoke", "\"revoke\":{\"original_message_id\":\"" + original + "\"}"));
		JsonNode deleted = message(tenant, originalId);
		assertThat(deleted.path("text").isNull()).isTrue();
		assertThat(deleted.path("deletedAt").isNull()).isFalse();
		assertThat(deleted.path("revisions")).hasSize(2);

		MessageId target = MessageId.of(originalId);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(recorder.eventsOf(target, MessageEdited.class)).hasSize(1);
			assertThat(recorder.eventsOf(target, MessageDeleted.class)).hasSize(1);
			assertThat(recorder.eventsOf(MessageId.of(idOf(tenant, reaction)), MessageReacted.class))
				.singleElement()
				.satisfies(event -> assertThat(event.targetMessageId()).isEqualTo(target));
		});
	}

	@Test
	void appliesAnEditThatArrivedBeforeItsOriginalWhenTheOriginalArrives() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String from = "4915100000053";
		String original = wamid();
		post(tenant, from, json(from, wamid(), "edit", "\"edit\":{\"original_message_id\":\"" + original
				+ "\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"meet at 10, not 9\"}}}"));

		post(tenant, from, ChannelFixture.text(original, from, "meet at 9", Instant.now().minusSeconds(60)));

		JsonNode message = message(tenant, idOf(tenant, original));
		assertThat(message.path("text").asString()).isEqualTo("meet at 10, not 9");
		assertThat(message.path("revisions").path(0).path("previousText").asString()).isEqualTo("meet at 9");
	}

	@Test
	void findsMessagesByTheirWordsWithinTheCallersTenantOnly() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		ChannelFixture.Tenant other = channel.tenantWithNumber();
		String word = "zebra" + UUID.randomUUID().toString().substring(0, 6);
		String from = "4915100000051";
		String mine = wamid();
		post(tenant, from, ChannelFixture.text(mine, from, "the " + word + " crossing light is broken", Instant.now()));
		post(other, from, ChannelFixture.text(wamid(), from, "another " + word + " elsewhere", Instant.now()));
		post(tenant, from, ChannelFixture.text(wamid(), from, "nothing to see", Instant.now()));

		MvcTestResult found = api.get("/api/v1/messages?q=" + word + " broken", tenant.fixture().token(Role.USER));

		assertThat(found).hasStatusOk();
		assertThat(api.read(found).valueStream().map(m -> m.path("externalId").asString()).toList()).containsExactly(mine);
	}

	@Test
	void letsEveryTenantRoleButApiClientsReadConversationsAndHidesOtherTenants() {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		ChannelFixture.Tenant other = channel.tenantWithNumber();
		String from = "4915100000052";
		String id = wamid();
		post(tenant, from, ChannelFixture.text(id, from, "hello", Instant.now()));
		String messageId = idOf(tenant, id);
		JsonNode conversations = api.read(api.get("/api/v1/conversations", tenant.fixture().token(Role.VIEWER)));
		assertThat(conversations).hasSize(1);
		JsonNode conversation = conversations.path(0);
		assertThat(conversation.path("windowOpen").asBoolean()).isTrue();
		assertThat(conversation.path("contact").path("waId").asString()).isEqualTo(from);
		String conversationId = conversation.path("id").asString();

		for (Role role : new Role[] { Role.TENANT_ADMIN, Role.MANAGER, Role.USER, Role.VIEWER }) {
			assertThat(api.get("/api/v1/conversations/" + conversationId + "/messages", tenant.fixture().token(role)))
				.as(role.name()).hasStatusOk();
			assertThat(api.get("/api/v1/messages/" + messageId, tenant.fixture().token(role))).hasStatusOk();
		}
		assertThat(api.get("/api/v1/conversations", tenant.fixture().token(Role.API_CLIENT))).hasStatus(403);
		assertThat(api.get("/api/v1/messages/" + messageId, tenant.fixture().token(Role.API_CLIENT))).hasStatus(403);
		assertThat(api.get("/api/v1/messages/" + messageId, other.fixture().token(Role.TENANT_ADMIN))).hasStatus(404);
		assertThat(api.get("/api/v1/conversations/" + conversationId + "/messages", other.fixture().token(Role.TENANT_ADMIN)))
			.hasStatus(404);
		assertThat(api.read(api.get("/api/v1/conversations", other.fixture().token(Role.TENANT_ADMIN)))).isEmpty();
	}
}

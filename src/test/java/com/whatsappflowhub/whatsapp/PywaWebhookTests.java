package com.whatsappflowhub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.WebhookParseResult;
import com.whatsappflowhub.whatsapp.webhook.WebhookParser;

/**
 * Every case of every pywa fixture file (discovered at run time) posted, signed, through the real endpoint into one
 * tenant: each lands, stored as the right kind. The cases' business account and phone number ids are pointed at the
 * tenant's number, and their message ids made unique per case (the fixtures reuse them), consistently within a case.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PywaWebhookTests {

	static final JsonMapper JSON = JsonMapper.shared();

	static final AtomicInteger CASE = new AtomicInteger();

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings settings;

	ChannelFixture channel;

	ChannelFixture.Tenant tenant;

	JsonNode expectations;

	final WebhookParser parser = new WebhookParser();

	@BeforeAll
	void registerANumber() throws IOException {
		channel = new ChannelFixture(api, jdbc, transactions, settings);
		tenant = channel.tenantWithNumber();
		try (InputStream in = getClass().getResourceAsStream("/whatsapp/pywa-expectations.json")) {
			expectations = JSON.readTree(in);
		}
	}

	static Stream<Arguments> pywaCases() throws IOException {
		List<Arguments> cases = new ArrayList<>();
		try (Stream<Path> files = Files.list(Contracts.webhooks().resolve("pywa"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				for (Map.Entry<String, JsonNode> entry : JSON.readTree(file.toFile()).properties()) {
					cases.add(Arguments.of(file.getFileName() + "/" + entry.getKey(), entry.getValue()));
				}
			}
		}
		return cases.stream();
	}

	@Test
	void findsTheFixtures() throws IOException {
		assertThat(pywaCases().count()).isGreaterThanOrEqualTo(74);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pywaCases")
	void storesEveryPywaCasePostedThroughTheEndpointAsItsKind(String name, JsonNode fixture) {
		byte[] body = rewrite(fixture, CASE.incrementAndGet());

		assertThat(channel.post(body)).as(name).hasStatusOk();

		Delivery delivery = ((WebhookParseResult.Parsed) parser.parse(body)).delivery();
		assertThat(delivery.items()).as(name).isNotEmpty();
		for (DeliveryItem item : delivery.items()) {
			assertThat(storedKind(item)).as("%s: %s stored", name, item.dedupeKey()).isEqualTo(expectedKind(item));
		}
		JsonNode expected = expectations.path(name);
		if (expected.isObject()) {
			DeliveryItem first = delivery.items().get(0);
			assertThat(first.getClass().getSimpleName()).isEqualTo(expected.path("type").asString());
			if (expected.has("content")) {
				assertThat(storedKind(first)).isEqualTo(expected.path("content").asString());
			}
		}
	}

	private String expectedKind(DeliveryItem item) {
		if (item instanceof InboundMessage message) {
			return message.content().getClass().getSimpleName();
		}
		if (item instanceof StatusUpdate status) {
			return status.status().name();
		}
		return ((OtherEvent) item).eventType();
	}

	private String storedKind(DeliveryItem item) {
		return channel.inTenant(tenant.tenantId(), () -> {
			if (item instanceof InboundMessage message) {
				return jdbc.sql("SELECT kind FROM message WHERE external_id = ?").param(message.id()).query(String.class)
					.optional().orElse("<none>");
			}
			if (item instanceof StatusUpdate status) {
				return jdbc.sql("SELECT status FROM message_status WHERE dedupe_key = ?").param(status.dedupeKey())
					.query(String.class).optional().orElse("<none>");
			}
			return jdbc.sql("SELECT event_type FROM whatsapp_event WHERE dedupe_key = ?").param(item.dedupeKey())
				.query(String.class).optional().orElse("<none>");
		});
	}

	/** Points the case at the tenant's number and makes its message ids its own. */
	private byte[] rewrite(JsonNode fixture, int n) {
		JsonNode copy = fixture.deepCopy();
		for (JsonNode entry : copy.path("entry")) {
			((ObjectNode) entry).put("id", tenant.businessAccountId());
			for (JsonNode change : entry.path("changes")) {
				JsonNode metadata = change.path("value").path("metadata");
				if (metadata.isObject() && metadata.has("phone_number_id")) {
					((ObjectNode) metadata).put("phone_number_id", tenant.phoneNumberId());
				}
			}
		}
		String text = JSON.writeValueAsString(copy)
			.replace("\"wamid.", "\"wamid.c" + n + "-")
			.replace("\"wacid.", "\"wacid.c" + n + "-")
			.replace("\"<WHATSAPP_MESSAGE_ID>\"", "\"<WHATSAPP_MESSAGE_ID>-c" + n + "\"");
		return text.getBytes(StandardCharsets.UTF_8);
	}
}

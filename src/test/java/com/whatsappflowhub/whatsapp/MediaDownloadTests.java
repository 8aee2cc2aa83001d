package com.whatsappflowhub.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.whatsappflowhub.whatsapp.ChannelFixture.contact;
import static com.whatsappflowhub.whatsapp.ChannelFixture.delivery;
import static com.whatsappflowhub.whatsapp.ChannelFixture.entry;
import static com.whatsappflowhub.whatsapp.ChannelFixture.wamid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.media.BlobStore;
import com.whatsappflowhub.whatsapp.number.NumberSettings;

/** Inbound media downloaded after the commit, with retries, into the blob store; the message never waits for it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaDownloadTests {

	final WireMockServer graph = SharedGraphServer.server();

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings settings;

	@Autowired
	BlobStore blobs;

	ChannelFixture channel;

	@BeforeEach
	void resetTheLocalGraphApi() {
		graph.resetAll();
		channel = new ChannelFixture(api, jdbc, transactions, settings);
	}

	static String image(String wamid, String from, String mediaId, byte[] bytes) throws Exception {
		String sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
		return """
				{"from":"%s","id":"%s","timestamp":"%d","type":"image",
				 "image":{"caption":"the broken window","mime_type":"image/jpeg","sha256":"%s","id":"%s"}}"""
			.formatted(from, wamid, Instant.now().getEpochSecond(), sha, mediaId);
	}

	void lookupAnswers(String mediaId, byte[] bytes) throws Exception {
		String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		graph.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("""
					{"url":"%s/whatsapp_business/attachments/?mid=%s","mime_type":"image/jpeg","sha256":"%s",
					 "file_size":"%d","id":"%s","messaging_product":"whatsapp"}"""
				.formatted(graph.baseUrl(), mediaId, hex, bytes.length, mediaId))));
	}

	JsonNode message(ChannelFixture.Tenant tenant, String wamid) {
		String admin = tenant.fixture().token(Role.TENANT_ADMIN);
		UUID id = channel.inTenant(tenant.tenantId(),
				() -> jdbc.sql("SELECT id FROM message WHERE external_id = ?").param(wamid).query(UUID.class).single());
		return api.read(api.get("/api/v1/messages/" + id, admin));
	}

	@Test
	void storesTheBlobAfterTwoFailedDownloadsWithTheMessageIntactThroughout() throws Exception {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		byte[] bytes = ("jpeg bytes " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		String mediaId = "MEDIA" + UUID.randomUUID().toString().replace("-", "");
		String id = wamid();
		lookupAnswers(mediaId, bytes);
		String path = "/whatsapp_business/attachments/";
		graph.stubFor(get(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
		graph.stubFor(get(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
		graph.stubFor(get(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("third")
			.willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(bytes)));

		assertThat(channel.post(delivery(entry(tenant.businessAccountId(), tenant.phoneNumberId(),
				image(id, "4915100000040", mediaId, bytes), "", contact("4915100000040", "Media"))))).hasStatusOk();

		JsonNode stored = message(tenant, id);
		assertThat(stored.path("text").asString()).isEqualTo("the broken window");
		assertThat(stored.path("media").path("mediaId").asString()).isEqualTo(mediaId);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(message(tenant, id).path("media").path("status").asString()).isEqualTo("STORED"));
		JsonNode after = message(tenant, id);
		assertThat(after.path("text").asString()).isEqualTo("the broken window");
		assertThat(after.path("media").path("size").asLong()).isEqualTo(bytes.length);
		assertThat(after.path("media").path("lastError").isNull()).isTrue();
		assertThat(graph.findAll(getRequestedFor(urlPathEqualTo(path)))).hasSize(3);
		String key = channel.inTenant(tenant.tenantId(), () -> jdbc.sql("SELECT media_blob_key FROM message WHERE external_id = ?")
			.param(id).query(String.class).single());
		assertThat(blobs.get(key)).hasValue(bytes);
		assertThat(channel.count(tenant.tenantId(), "SELECT attempts FROM whatsapp_media_download WHERE media_id = ?", mediaId))
			.isEqualTo(3);
	}

	@Test
	void marksTheMediaFailedWithItsErrorWhenMetaSaysItIsGoneAndKeepsTheMessage() throws Exception {
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String mediaId = "GONE" + UUID.randomUUID().toString().replace("-", "");
		String id = wamid();
		graph.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Unsupported get request\",\"type\":\"GraphMethodException\",\"code\":100}}")));

		assertThat(channel.post(delivery(entry(tenant.businessAccountId(), tenant.phoneNumberId(),
				image(id, "4915100000041", mediaId, new byte[] { 1 }), "", contact("4915100000041", "Gone"))))).hasStatusOk();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(message(tenant, id).path("media").path("status").asString()).isEqualTo("FAILED"));
		JsonNode after = message(tenant, id);
		assertThat(after.path("media").path("lastError").asString()).isNotBlank();
		assertThat(after.path("text").asString()).isEqualTo("the broken window");
	}
}

package com.whatsappflowhub.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.ChannelFixture;
import com.whatsappflowhub.whatsapp.LocalGraphApi;
import com.whatsappflowhub.whatsapp.SharedGraphServer;
import com.whatsappflowhub.whatsapp.media.BlobStore;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11 item 7: a data subject request for a customer, by WhatsApp number. The export holds what was stored; after
 * the erasure no column of any table holds their text, name or number (read as the schema owner, past row-level
 * security), the media file is gone, the tasks stay with a marker, the audit trail has the row, and a later message
 * from the same number is taken as usual.
 */
@IntegrationTest
class DataSubjectRequestTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings numberSettings;

	@Autowired
	BlobStore blobs;

	@Autowired
	Environment env;

	LocalGraphApi graph;

	final WireMockServer server = SharedGraphServer.server();

	@BeforeEach
	void localGraphApi() {
		graph = new LocalGraphApi().start();
	}

	@AfterEach
	void stop() {
		graph.stop();
	}

	@Test
	void exportsWhatWasStoredThenErasesItEverywhereAndTheNumberCanWriteAgain() throws Exception {
		ChannelFixture channel = new ChannelFixture(api, jdbc, transactions, numberSettings);
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String admin = tenant.fixture().token(Role.TENANT_ADMIN);
		String waId = "4915" + (10000000 + (int) (Math.random() * 89999999));
		String token = "QX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String caption = "cracked pane " + UUID.randomUUID().toString().substring(0, 8);
		String name = "Zelda Quillfeather" + (int) (Math.random() * 1000);
		String request = ChannelFixture.wamid();
		String photo = ChannelFixture.wamid();
		byte[] bytes = ("jpeg bytes " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		String mediaId = "MEDIA" + UUID.randomUUID().toString().replace("-", "");
		mediaLookupAnswers(mediaId, bytes);

		assertThat(channel.post(ChannelFixture.textDelivery(tenant, request, waId, name,
				"Can you send the invoice for order " + token + " by Friday please?", Instant.now()))).hasStatusOk();
		assertThat(channel.post(ChannelFixture.delivery(ChannelFixture.entry(tenant.businessAccountId(),
				tenant.phoneNumberId(), image(photo, waId, mediaId, bytes, caption), "",
				ChannelFixture.contact(waId, name))))).hasStatusOk();
		JsonNode task = await().atMost(Duration.ofSeconds(20)).until(() -> {
			JsonNode items = api.read(api.get("/api/v1/tasks", admin)).get("items");
			return items.isEmpty() ? null : items.get(0);
		}, found -> found != null);
		await().atMost(Duration.ofSeconds(20)).until(() -> !graph.sentTextsTo(waId).isEmpty());
		String blobKey = await().atMost(Duration.ofSeconds(30)).until(() -> channel.inTenant(tenant.tenantId(),
				() -> jdbc.sql("SELECT media_blob_key FROM message WHERE external_id = ?").param(photo).query(String.class)
					.optional().orElse(null)), key -> key != null);
		assertThat(blobs.get(blobKey)).isPresent();
		await().atMost(Duration.ofSeconds(20)).until(() -> channel.count(tenant.tenantId(),
				"SELECT count(*) FROM message WHERE direction = 'OUT' AND status <> 'PENDING'") > 0);

		// the export: everything stored about them
		MvcTestResult exported = api.get("/api/v1/contacts/+" + waId + "/export", admin);
		assertThat(exported).hasStatusOk();
		JsonNode export = api.read(exported);
		assertThat(export.path("profile").path("waId").asString()).isEqualTo(waId);
		assertThat(export.path("profile").path("profileName").asString()).isEqualTo(name);
		assertThat(export.path("conversations")).hasSize(1);
		assertThat(export.path("messages").findValuesAsString("text")).anyMatch(text -> text.contains(token));
		assertThat(export.path("messages").findValuesAsString("mimeType")).contains("image/jpeg");
		assertThat(export.path("messages").findValues("analysis")).isNotEmpty();
		assertThat(export.path("noticesSent")).isNotEmpty();
		assertThat(export.path("tasks").findValuesAsString("sourceMessageId")).hasSizeGreaterThanOrEqualTo(1);
		assertThat(export.path("tasks").valueStream().map(t -> t.path("task").path("id").asString()))
			.contains(task.get("id").asString());
		assertThat(export.path("tasks").get(0).path("history")).isNotEmpty();
		assertThat(export.path("whatsapp").path("deliveries").size()).isGreaterThanOrEqualTo(2);
		assertThat(export.path("whatsapp").path("mediaFiles").get(0).asString()).isEqualTo(blobKey);

		// only the tenant's admins, only its own contacts
		assertThat(api.get("/api/v1/contacts/" + waId + "/export", tenant.fixture().token(Role.MANAGER))).hasStatus(403);
		Api.TenantFixture other = api.newTenant();
		MvcTestResult elsewhere = api.get("/api/v1/contacts/" + waId + "/export", other.token(Role.TENANT_ADMIN));
		assertThat(elsewhere).hasStatus(404);
		assertThat(elsewhere.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(api.post("/api/v1/contacts/" + waId + "/erase", other.token(Role.TENANT_ADMIN), null)).hasStatus(404);
		assertThat(api.get("/api/v1/contacts/not-a-number/export", admin)).hasStatus(404);

		// the erasure
		MvcTestResult erased = api.post("/api/v1/contacts/" + waId + "/erase", admin, null);
		assertThat(erased).hasStatusOk();
		assertThat(api.read(erased).path("messages").asInt()).isGreaterThanOrEqualTo(3);

		List<String> leaks = new ArrayList<>();
		for (String needle : List.of(waId, token, caption, name)) {
			leaks.addAll(columnsHolding(needle));
		}
		assertThat(leaks).as("columns still holding the contact's data").isEmpty();
		assertThat(blobs.get(blobKey)).isEmpty();

		JsonNode kept = api.read(api.get("/api/v1/tasks/" + task.get("id").asString(), admin));
		assertThat(kept.path("status").asString()).isEqualTo(task.get("status").asString());
		assertThat(kept.path("evidence").findValuesAsString("text")).isNotEmpty().allMatch(text -> text.startsWith("[erased"));
		assertThat(kept.path("title").asString()).startsWith("[erased");
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM message WHERE conversation_id = ?::uuid",
				export.path("conversations").get(0).path("id").asString())).isGreaterThanOrEqualTo(3); // counts stay
		JsonNode audit = api.read(api.get("/api/v1/audit?action=contact.erased", admin));
		assertThat(audit.findValuesAsString("target")).containsExactly("contact:" + export.path("profile").path("id").asString());
		assertThat(api.get("/api/v1/contacts/" + waId + "/export", admin)).hasStatus(404);

		// the same number writes again: a new contact, stored and analysed as usual
		String again = ChannelFixture.wamid();
		assertThat(channel.post(ChannelFixture.textDelivery(tenant, again, waId, name, "Hello again", Instant.now())))
			.hasStatusOk();
		JsonNode fresh = api.read(api.get("/api/v1/contacts/" + waId + "/export", admin));
		assertThat(fresh.path("messages").findValuesAsString("text")).as(fresh.toString()).containsExactly("Hello again");
		assertThat(fresh.path("profile").path("id").asString()).isNotEqualTo(export.path("profile").path("id").asString());
		// the first delivery retried by Meta does not bring the erased text back
		assertThat(channel.post(ChannelFixture.textDelivery(tenant, request, waId, name,
				"Can you send the invoice for order " + token + " by Friday please?", Instant.now()))).hasStatusOk();
		assertThat(columnsHolding(token)).isEmpty();
	}

	/** Every column of every table (text, JSON, arrays, bytes) that holds the needle, read as the schema owner. */
	List<String> columnsHolding(String needle) throws SQLException {
		List<String> found = new ArrayList<>();
		try (Connection owner = DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
				env.getRequiredProperty("spring.flyway.user"), env.getProperty("spring.flyway.password", ""))) {
			owner.createStatement().execute("SELECT set_config('app.cross_tenant', 'on', false)");
			List<String[]> columns = new ArrayList<>();
			try (ResultSet rs = owner.createStatement().executeQuery("""
					SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
					JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
					WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
					  AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY', 'tsvector')""")) {
				while (rs.next()) {
					columns.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
				}
			}
			for (String[] column : columns) {
				String test = switch (column[2]) {
					case "bytea" -> "position(convert_to(?, 'UTF8') IN \"%s\") > 0";
					case "tsvector" -> "\"%s\"::text ILIKE '%%' || lower(?) || '%%'";
					default -> "\"%s\"::text ILIKE '%%' || ? || '%%'";
				};
				String sql = "SELECT count(*) FROM \"" + column[0] + "\" WHERE " + test.formatted(column[1]);
				try (PreparedStatement statement = owner.prepareStatement(sql)) {
					statement.setString(1, column[2].equals("tsvector") ? needle.split(" ")[0] : needle);
					ResultSet rs = statement.executeQuery();
					rs.next();
					if (rs.getLong(1) > 0) {
						found.add(column[0] + "." + column[1] + " holds '" + needle + "' in " + rs.getLong(1) + " row(s)");
					}
				}
			}
		}
		return found;
	}

	static String image(String wamid, String from, String mediaId, byte[] bytes, String caption) throws Exception {
		String sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
		return """
				{"from":"%s","id":"%s","timestamp":"%d","type":"image",
				 "image":{"caption":"%s","mime_type":"image/jpeg","sha256":"%s","id":"%s"}}"""
			.formatted(from, wamid, Instant.now().getEpochSecond(), caption, sha, mediaId);
	}

	void mediaLookupAnswers(String mediaId, byte[] bytes) throws Exception {
		String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		server.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("""
					{"url":"%s/whatsapp_business/attachments/?mid=%s","mime_type":"image/jpeg","sha256":"%s",
					 "file_size":"%d","id":"%s","messaging_product":"whatsapp"}"""
				.formatted(server.baseUrl(), mediaId, hex, bytes.length, mediaId))));
		server.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/"))
			.willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(bytes)));
	}
}

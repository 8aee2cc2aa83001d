package com.whatsappflowhub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.AppSecret;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;

/**
 * Test support for the channel: posts deliveries signed like Meta would, registers numbers through the API, builds
 * deliveries and reads the tenant's tables under its row-level security.
 */
public final class ChannelFixture {

	public static final String ACCESS_TOKEN = "EAAB-test.token_1";

	private final Api api;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AppSecret platformSecret;

	private final SignatureVerifier signatures = new SignatureVerifier();

	public ChannelFixture(Api api, JdbcClient jdbc, PlatformTransactionManager transactionManager,
			NumberSettings settings) {
		this.api = api;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.platformSecret = new AppSecret(settings.appSecret());
	}

	/** A tenant with a registered number (unique phone_number_id and business account). */
	public record Tenant(Api.TenantFixture fixture, String numberId, String phoneNumberId, String businessAccountId) {

		public TenantId tenantId() {
			return TenantId.of(fixture.tenantId());
		}
	}

	public Tenant tenantWithNumber(Map<String, Object> extra) {
		Api.TenantFixture fixture = api.newTenant();
		String phone = "pn" + Math.abs(UUID.randomUUID().getMostSignificantBits());
		String account = "waba" + Math.abs(UUID.randomUUID().getMostSignificantBits());
		Map<String, Object> body = new HashMap<>(Map.of("phoneNumberId", phone, "businessAccountId", account,
				"displayNumber", "+1 555 0199", "accessToken", ACCESS_TOKEN));
		body.putAll(extra);
		SharedGraphServer.holds(phone, account, String.valueOf(body.get("accessToken")));
		MvcTestResult created = api.post("/api/v1/whatsapp/numbers", fixture.token(com.whatsappflowhub.identity.Role.TENANT_ADMIN),
				body);
		assertThat(created).hasStatus(201);
		return new Tenant(fixture, api.read(created).get("id").asString(), phone, account);
	}

	public Tenant tenantWithNumber() {
		return tenantWithNumber(Map.of());
	}

	public String sign(byte[] body) {
		return signatures.sign(body, platformSecret);
	}

	public MvcTestResult post(byte[] body) {
		return post(body, sign(body));
	}

	public MvcTestResult post(String body) {
		return post(body.getBytes(StandardCharsets.UTF_8));
	}

	public MvcTestResult post(byte[] body, String signature) {
		var request = api.mvc().post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).content(body);
		if (signature != null) {
			request = request.header(SignatureVerifier.HEADER, signature);
		}
		return request.exchange();
	}

	public <T> T inTenant(TenantId tenant, Supplier<T> work) {
		return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
	}

	public long count(TenantId tenant, String sql, Object... params) {
		return inTenant(tenant, () -> jdbc.sql(sql).params(params).query(Long.class).single());
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

	// --- deliveries as Meta sends them ---

	public static String delivery(String... entries) {
		return "{\"object\":\"whatsapp_business_account\",\"entry\":[" + String.join(",", entries) + "]}";
	}

	public static String entry(String businessAccountId, String phoneNumberId, String messagesJson, String statusesJson,
			String contactsJson) {
		return """
				{"id":"%s","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
				"metadata":{"display_phone_number":"15550199","phone_number_id":"%s"},
				"contacts":[%s],"messages":[%s],"statuses":[%s]}}]}"""
			.formatted(businessAccountId, phoneNumberId, contactsJson, messagesJson, statusesJson);
	}

	public static String contact(String waId, String name) {
		return "{\"profile\":{\"name\":\"%s\"},\"wa_id\":\"%s\"}".formatted(name, waId);
	}

	public static String text(String wamid, String from, String body, Instant at) {
		return "{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%d\",\"type\":\"text\",\"text\":{\"body\":\"%s\"}}"
			.formatted(from, wamid, at.getEpochSecond(), body);
	}

	public static String status(String wamid, String status, String recipient, Instant at) {
		return "{\"id\":\"%s\",\"status\":\"%s\",\"timestamp\":\"%d\",\"recipient_id\":\"%s\"}".formatted(wamid, status,
				at.getEpochSecond(), recipient);
	}

	public static String failedStatus(String wamid, String recipient, Instant at, int code, String title) {
		return """
				{"id":"%s","status":"failed","timestamp":"%d","recipient_id":"%s",
				 "errors":[{"code":%d,"title":"%s","error_data":{"details":"%s"}}]}"""
			.formatted(wamid, at.getEpochSecond(), recipient, code, title, title);
	}

	/** A single text message from a customer to the tenant's number. */
	public static String textDelivery(Tenant tenant, String wamid, String from, String name, String body, Instant at) {
		return delivery(entry(tenant.businessAccountId(), tenant.phoneNumberId(), text(wamid, from, body, at), "",
				contact(from, name)));
	}

	public static String wamid() {
		return "wamid.T" + UUID.randomUUID().toString().replace("-", "");
	}
}

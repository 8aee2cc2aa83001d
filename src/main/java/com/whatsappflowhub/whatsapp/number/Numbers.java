package com.whatsappflowhub.whatsapp.number;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.platform.Secrets;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.graph.AccessToken;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The business numbers of the current tenant. Tokens and secrets are sealed under the master key, each bound to its
 * number and purpose ({@code whatsapp-number:<id>:access-token}).
 */
@Repository
public class Numbers {

	private static final String COLUMNS = """
			id, tenant_id, phone_number_id, business_account_id, display_number, status, status_reason,
			app_secret IS NOT NULL AS has_app_secret, verify_token IS NOT NULL AS has_verify_token,
			fallback_template_name, fallback_template_language, created_at, updated_at""";

	private final JdbcClient jdbc;

	private final Secrets secrets;

	Numbers(JdbcClient jdbc, Secrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	static String context(UUID id, String purpose) {
		return "whatsapp-number:" + id + ":" + purpose;
	}

	byte @Nullable [] seal(UUID id, String purpose, @Nullable String value) {
		return value == null ? null : secrets.seal(value.getBytes(StandardCharsets.UTF_8), context(id, purpose));
	}

	@Nullable String open(UUID id, String purpose, byte @Nullable [] sealed) {
		return sealed == null ? null : new String(secrets.open(sealed, context(id, purpose)), StandardCharsets.UTF_8);
	}

	/** @return false when the phone_number_id is registered already (only with {@code ifAbsent}) */
	boolean insert(UUID id, TenantId tenant, String phoneNumberId, String businessAccountId, String displayNumber,
			String accessToken, @Nullable String appSecret, @Nullable String verifyToken,
			BusinessNumberRecord.@Nullable FallbackTemplate fallback, Instant now, boolean ifAbsent) {
		return jdbc.sql("""
				INSERT INTO whatsapp_number (id, tenant_id, phone_number_id, business_account_id, display_number, access_token,
				  app_secret, verify_token, status, fallback_template_name, fallback_template_language, created_at, updated_at)
				VALUES (:id, :tenant, :phone, :account, :display, :token, :secret, :verify, 'ACTIVE', :fbName, :fbLanguage, :now, :now)"""
				+ (ifAbsent ? " ON CONFLICT (phone_number_id) DO NOTHING" : ""))
			.param("id", id)
			.param("tenant", tenant.value())
			.param("phone", phoneNumberId)
			.param("account", businessAccountId)
			.param("display", displayNumber)
			.param("token", seal(id, "access-token", accessToken))
			.param("secret", seal(id, "app-secret", appSecret))
			.param("verify", seal(id, "verify-token", verifyToken))
			.param("fbName", fallback == null ? null : fallback.name())
			.param("fbLanguage", fallback == null ? null : fallback.language())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	public Optional<BusinessNumberRecord> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM whatsapp_number WHERE id = ?").param(id).query(Numbers::map).optional();
	}

	public Optional<BusinessNumberRecord> findByPhoneNumberId(String phoneNumberId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM whatsapp_number WHERE phone_number_id = ?")
			.param(phoneNumberId)
			.query(Numbers::map)
			.optional();
	}

	List<BusinessNumberRecord> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM whatsapp_number ORDER BY created_at, id").query(Numbers::map).list();
	}

	void update(BusinessNumberRecord number, Instant now) {
		BusinessNumberRecord.FallbackTemplate fallback = number.fallbackTemplate();
		jdbc.sql("""
				UPDATE whatsapp_number SET display_number = ?, status = ?, status_reason = ?, fallback_template_name = ?,
				       fallback_template_language = ?, updated_at = ? WHERE id = ?""")
			.params(number.displayNumber(), number.status(), number.statusReason(),
					fallback == null ? null : fallback.name(), fallback == null ? null : fallback.language(),
					Timestamp.from(now), number.id())
			.update();
	}

	void replaceSecret(UUID id, String column, String purpose, @Nullable String value) {
		if (!List.of("access_token", "app_secret", "verify_token").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		jdbc.sql("UPDATE whatsapp_number SET " + column + " = ? WHERE id = ?").params(seal(id, purpose, value), id).update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM whatsapp_number WHERE id = ?").param(id).update() == 1;
	}

	/** The token to call the Graph API with for this number. */
	public Optional<AccessToken> accessToken(UUID id) {
		return jdbc.sql("SELECT access_token FROM whatsapp_number WHERE id = ?")
			.param(id)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.map(sealed -> new AccessToken(open(id, "access-token", sealed)));
	}

	/** Meta refused the number's token: it needs an administrator. */
	public void markNeedsAttention(UUID id, String reason, Instant now) {
		jdbc.sql("UPDATE whatsapp_number SET status = 'NEEDS_ATTENTION', status_reason = ?, updated_at = ? WHERE id = ?")
			.params(reason, Timestamp.from(now), id)
			.update();
	}

	/** Every number of every tenant with its secrets opened: only for the routing map, on the cross-tenant path. */
	List<NumberRouting.Route> allRoutes() {
		return jdbc.sql("SELECT id, tenant_id, phone_number_id, business_account_id, app_secret, verify_token FROM whatsapp_number")
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new NumberRouting.Route(new TenantId(rs.getObject("tenant_id", UUID.class)), id,
						rs.getString("phone_number_id"), rs.getString("business_account_id"),
						open(id, "app-secret", rs.getBytes("app_secret")),
						open(id, "verify-token", rs.getBytes("verify_token")));
			})
			.list();
	}

	private static BusinessNumberRecord map(ResultSet rs, int row) throws SQLException {
		String fallbackName = rs.getString("fallback_template_name");
		return new BusinessNumberRecord(rs.getObject("id", UUID.class), new TenantId(rs.getObject("tenant_id", UUID.class)),
				rs.getString("phone_number_id"), rs.getString("business_account_id"), rs.getString("display_number"),
				rs.getString("status"), rs.getString("status_reason"), rs.getBoolean("has_app_secret"),
				rs.getBoolean("has_verify_token"),
				fallbackName == null ? null
						: new BusinessNumberRecord.FallbackTemplate(fallbackName, rs.getString("fallback_template_language")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}

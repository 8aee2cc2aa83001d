package com.whatsappflowhub.integrations.hooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's webhook endpoints and their sealed signing secrets (row-level security scopes every query). */
@Repository
class WebhookEndpoints {

	/** An endpoint's secrets as stored: sealed under the master key for {@link WebhookEndpointId#secretContext}. */
	record SealedSecrets(byte[] current, byte @Nullable [] previous, @Nullable Instant previousUntil) {
	}

	private static final String COLUMNS = "id, url, events, description, enabled, disabled_reason, previous_secret_until, "
			+ "created_at, updated_at";

	private final JdbcClient jdbc;

	WebhookEndpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<WebhookEndpoint> findAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY created_at, id").query(this::map).list();
	}

	/** The enabled endpoints, for the fan-out. */
	List<WebhookEndpoint> findEnabled() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE enabled ORDER BY created_at, id")
			.query(this::map)
			.list();
	}

	Optional<WebhookEndpoint> findById(WebhookEndpointId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?")
			.param(id.value())
			.query(this::map)
			.optional();
	}

	int count() {
		return jdbc.sql("SELECT count(*) FROM webhook_endpoint").query(Integer.class).single();
	}

	void insert(WebhookEndpoint endpoint, byte[] sealedSecret) {
		jdbc.sql("""
				INSERT INTO webhook_endpoint (id, tenant_id, url, events, description, enabled, secret, created_at,
				  updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(endpoint.id().value(), TenantContext.require().value(), endpoint.url(), names(endpoint.events()),
					endpoint.description(), endpoint.enabled(), sealedSecret, Timestamp.from(endpoint.createdAt()),
					Timestamp.from(endpoint.updatedAt()))
			.update();
	}

	void update(WebhookEndpoint endpoint) {
		jdbc.sql("""
				UPDATE webhook_endpoint SET url = ?, events = ?, description = ?, enabled = ?, disabled_reason = ?,
				       updated_at = ?
				 WHERE id = ?""")
			.params(endpoint.url(), names(endpoint.events()), endpoint.description(), endpoint.enabled(),
					endpoint.disabledReason(), Timestamp.from(endpoint.updatedAt()), endpoint.id().value())
			.update();
	}

	/** Turned off by us (it answered 410 Gone), touching nothing a person may be changing at the same time. */
	void disable(WebhookEndpointId id, String reason, Instant at) {
		jdbc.sql("UPDATE webhook_endpoint SET enabled = false, disabled_reason = ?, updated_at = ? WHERE id = ?")
			.params(reason, Timestamp.from(at), id.value())
			.update();
	}

	boolean delete(WebhookEndpointId id) {
		return jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id.value()).update() == 1;
	}

	Optional<SealedSecrets> secrets(WebhookEndpointId id) {
		return jdbc.sql("SELECT secret, previous_secret, previous_secret_until FROM webhook_endpoint WHERE id = ?")
			.param(id.value())
			.query((rs, row) -> new SealedSecrets(rs.getBytes("secret"), rs.getBytes("previous_secret"),
					instant(rs, "previous_secret_until")))
			.optional();
	}

	/** The new secret signs from now on; the one it replaces still signs until {@code previousUntil}. */
	void rotate(WebhookEndpointId id, byte[] sealedSecret, byte[] sealedPrevious, Instant previousUntil, Instant now) {
		jdbc.sql("""
				UPDATE webhook_endpoint SET secret = ?, previous_secret = ?, previous_secret_until = ?, updated_at = ?
				 WHERE id = ?""")
			.params(sealedSecret, sealedPrevious, Timestamp.from(previousUntil), Timestamp.from(now), id.value())
			.update();
	}

	private static String[] names(List<WebhookEventType> events) {
		return events.stream().map(WebhookEventType::wireName).toArray(String[]::new);
	}

	private WebhookEndpoint map(ResultSet rs, int row) throws SQLException {
		String[] events = (String[]) rs.getArray("events").getArray();
		return new WebhookEndpoint(new WebhookEndpointId(rs.getObject("id", UUID.class)), rs.getString("url"),
				Arrays.stream(events).flatMap(name -> WebhookEventType.named(name).stream()).toList(),
				rs.getString("description"), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
				instant(rs, "previous_secret_until"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}

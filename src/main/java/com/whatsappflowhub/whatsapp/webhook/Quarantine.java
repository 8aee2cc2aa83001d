package com.whatsappflowhub.whatsapp.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform-level records of what the webhook could not hand to a tenant: correctly signed bodies that are not
 * deliveries (quarantine, kept verbatim) and items for numbers nobody registered (unroutable). Neither table has a
 * tenant; only the super admin reads them.
 */
@Repository
class Quarantine {

	private final JdbcClient jdbc;

	Quarantine(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Quarantined(UUID id, Instant receivedAt, String reason, int size, String body) {
	}

	record Unroutable(UUID id, Instant receivedAt, String businessAccountId, @Nullable String phoneNumberId,
			String field, String reason, String raw) {
	}

	@Transactional
	UUID quarantine(byte[] body, String reason, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO whatsapp_quarantine (id, received_at, reason, body) VALUES (?, ?, ?, ?)")
			.params(id, Timestamp.from(now), reason.length() > 1000 ? reason.substring(0, 1000) : reason, body)
			.update();
		return id;
	}

	@Transactional
	void unroutable(List<Unroutable> items) {
		for (Unroutable item : items) {
			jdbc.sql("""
					INSERT INTO whatsapp_unroutable (id, received_at, business_account_id, phone_number_id, field, reason, raw)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(item.id(), Timestamp.from(item.receivedAt()), item.businessAccountId(), item.phoneNumberId(),
						item.field(), item.reason(), item.raw())
				.update();
		}
	}

	@Transactional(readOnly = true)
	List<Quarantined> quarantined(int limit) {
		return jdbc.sql("SELECT id, received_at, reason, body FROM whatsapp_quarantine ORDER BY received_at DESC LIMIT ?")
			.param(limit)
			.query((rs, row) -> {
				byte[] body = rs.getBytes("body");
				return new Quarantined(rs.getObject("id", UUID.class), rs.getTimestamp("received_at").toInstant(),
						rs.getString("reason"), body.length, new String(body, java.nio.charset.StandardCharsets.UTF_8));
			})
			.list();
	}

	@Transactional(readOnly = true)
	List<Unroutable> unroutable(int limit) {
		return jdbc.sql("""
				SELECT id, received_at, business_account_id, phone_number_id, field, reason, raw FROM whatsapp_unroutable
				ORDER BY received_at DESC LIMIT ?""")
			.param(limit)
			.query((rs, row) -> new Unroutable(rs.getObject("id", UUID.class), rs.getTimestamp("received_at").toInstant(),
					rs.getString("business_account_id"), rs.getString("phone_number_id"), rs.getString("field"),
					rs.getString("reason"), rs.getString("raw")))
			.list();
	}
}

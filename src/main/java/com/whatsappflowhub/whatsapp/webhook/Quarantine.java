package com.whatsappflowhub.whatsapp.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
			.params(id, Timestamp.from(now), clip(reason.replace("\u0000", "")), body)
			.update();
		return id;
	}

	private static String clip(String reason) {
		return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
	}

	/** Items parked per phone_number_id (or business account) at most; later ones are dropped and counted. */
	static final int MAX_PARKED_PER_NUMBER = 500;

	/**
	 * Parks items for numbers nobody registered, with who signed their delivery.
	 *
	 * @return how many were parked (the rest were over {@link #MAX_PARKED_PER_NUMBER})
	 */
	@Transactional
	int unroutable(byte[] body, List<Unroutable> items, Instant now, boolean platformSigned, @Nullable String signature) {
		Map<String, Long> parked = new java.util.HashMap<>();
		List<Unroutable> kept = new ArrayList<>();
		for (Unroutable item : items) {
			String key = item.phoneNumberId() != null ? "p:" + item.phoneNumberId() : "a:" + item.businessAccountId();
			long count = parked.computeIfAbsent(key, k -> item.phoneNumberId() != null
					? jdbc.sql("SELECT count(*) FROM whatsapp_unroutable WHERE phone_number_id = ?")
						.param(item.phoneNumberId()).query(Long.class).single()
					: jdbc.sql("SELECT count(*) FROM whatsapp_unroutable WHERE phone_number_id IS NULL AND business_account_id = ?")
						.param(item.businessAccountId()).query(Long.class).single());
			if (count < MAX_PARKED_PER_NUMBER) {
				kept.add(item);
				parked.put(key, count + 1);
			}
		}
		if (kept.isEmpty()) {
			return 0;
		}
		UUID delivery = UUID.randomUUID();
		jdbc.sql("INSERT INTO whatsapp_unroutable_delivery (id, received_at, body, platform_signed, signature) VALUES (?, ?, ?, ?, ?)")
			.params(delivery, Timestamp.from(now), body, platformSigned, signature)
			.update();
		for (Unroutable item : kept) {
			jdbc.sql("""
					INSERT INTO whatsapp_unroutable (id, delivery_id, received_at, business_account_id, phone_number_id, field,
					  reason, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(item.id(), delivery, Timestamp.from(item.receivedAt()), item.businessAccountId(),
						item.phoneNumberId(), item.field(), item.reason(), item.raw())
				.update();
		}
		return kept.size();
	}

	/**
	 * A delivery with items for a number registered since, those items' ids, and who signed it: the platform's app,
	 * or only the header (to try against the number's own app secret).
	 */
	record Held(UUID deliveryId, byte[] body, List<UUID> itemIds, boolean platformSigned, @Nullable String signature) {
	}

	/**
	 * The oldest deliveries (at most {@code limit}) holding items of this number (by phone_number_id, or by business
	 * account for account events). Read a page, release it, read the next: never all of them in memory.
	 */
	List<Held> heldFor(String phoneNumberId, String businessAccountId, int limit) {
		Map<UUID, List<UUID>> items = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT u.id, u.delivery_id FROM whatsapp_unroutable u
				WHERE u.delivery_id IN (
				  SELECT delivery_id FROM whatsapp_unroutable
				  WHERE phone_number_id = ? OR (phone_number_id IS NULL AND business_account_id = ?)
				  GROUP BY delivery_id ORDER BY min(received_at) LIMIT ?)
				  AND (u.phone_number_id = ? OR (u.phone_number_id IS NULL AND u.business_account_id = ?))
				ORDER BY u.received_at""")
			.params(phoneNumberId, businessAccountId, limit, phoneNumberId, businessAccountId)
			.query((rs, row) -> items.computeIfAbsent(rs.getObject("delivery_id", UUID.class), k -> new ArrayList<>())
				.add(rs.getObject("id", UUID.class)))
			.list();
		List<Held> held = new ArrayList<>();
		items.forEach((delivery, ids) -> held.add(jdbc
			.sql("SELECT body, platform_signed, signature FROM whatsapp_unroutable_delivery WHERE id = ?")
			.param(delivery)
			.query((rs, row) -> new Held(delivery, rs.getBytes("body"), ids, rs.getBoolean("platform_signed"),
					rs.getString("signature")))
			.single()));
		return held;
	}

	/** The items were stored for their tenant: they are no longer unroutable (nor their delivery, once empty). */
	void released(Held held) {
		for (UUID id : held.itemIds()) {
			jdbc.sql("DELETE FROM whatsapp_unroutable WHERE id = ?").param(id).update();
		}
		jdbc.sql("""
				DELETE FROM whatsapp_unroutable_delivery d WHERE id = ?
				AND NOT EXISTS (SELECT 1 FROM whatsapp_unroutable u WHERE u.delivery_id = d.id)""")
			.param(held.deliveryId())
			.update();
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

package com.whatsappflowhub.integrations.hooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The messages made for the current tenant's endpoints ({@code webhook_delivery}: the body fixed when the event
 * happened) and every attempt to deliver one ({@code webhook_attempt}).
 */
@Repository
class DeliveryLog {

	enum Status {

		PENDING, DELIVERED, FAILED, SKIPPED

	}

	enum Outcome {

		DELIVERED, RETRY, FAILED

	}

	/** What one attempt needs: the message and where it goes. */
	record Message(long id, WebhookEndpointId endpointId, String messageId, String eventType, @Nullable String subject,
			String body, Status status, @Nullable Long replayOf, Instant createdAt) {
	}

	record Attempt(int attempt, @Nullable Integer statusCode, int durationMs, Outcome outcome, @Nullable String error,
			Instant at) {
	}

	record Entry(Message message, List<Attempt> attempts) {
	}

	/** A listing's columns: everything but the body, which only an attempt and a replay read. */
	private static final String LISTED = "id, endpoint_id, message_id, event_type, subject, '' AS body, status, replay_of, "
			+ "created_at";

	private final JdbcClient jdbc;

	DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A message for an endpoint, if it is (still) there and enabled: the fan-out reads endpoints from a cache, and an
	 * endpoint deleted meanwhile must cost the publisher's transaction nothing.
	 * @return the new message's id
	 */
	Optional<Long> add(WebhookEndpointId endpoint, String messageId, WebhookEventType type, @Nullable String subject,
			String body, @Nullable Long replayOf, Instant now) {
		return jdbc.sql("""
				INSERT INTO webhook_delivery (tenant_id, endpoint_id, message_id, event_type, subject, body, replay_of,
				  created_at)
				SELECT tenant_id, id, ?, ?, ?, ?, ?, ? FROM webhook_endpoint WHERE id = ? AND enabled
				RETURNING id""")
			.params(messageId, type.wireName(), subject, body, replayOf, Timestamp.from(now), endpoint.value())
			.query(Long.class)
			.optional();
	}

	Optional<Message> find(long id) {
		return jdbc.sql("SELECT * FROM webhook_delivery WHERE id = ?").param(id).query(DeliveryLog::message).optional();
	}

	/** With its body, for a replay. */
	Optional<Message> find(WebhookEndpointId endpoint, long id) {
		return jdbc.sql("SELECT * FROM webhook_delivery WHERE id = ? AND endpoint_id = ?")
			.params(id, endpoint.value())
			.query(DeliveryLog::message)
			.optional();
	}

	/** Counts the attempt (numbered per message, across replays of its dead letter) and what it made of the message. */
	void recordAttempt(long delivery, @Nullable Integer statusCode, long durationMs, Outcome outcome,
			@Nullable String error, Instant at) {
		jdbc.sql("""
				WITH counted AS (
				  UPDATE webhook_delivery SET attempts = attempts + 1,
				         status = CASE ? WHEN 'RETRY' THEN 'PENDING' ELSE ? END
				   WHERE id = ? RETURNING attempts)
				INSERT INTO webhook_attempt (tenant_id, delivery_id, attempt, status_code, duration_ms, outcome, error, at)
				SELECT ?, ?, attempts, ?, ?, ?, ?, ? FROM counted""")
			.params(outcome.name(), outcome.name(), delivery, TenantContext.require().value(), delivery, statusCode,
					(int) Math.min(durationMs, Integer.MAX_VALUE), outcome.name(), error, Timestamp.from(at))
			.update();
	}

	void settle(long delivery, Status status) {
		jdbc.sql("UPDATE webhook_delivery SET status = ? WHERE id = ?").params(status.name(), delivery).update();
	}

	/** Newest first; {@code before}: the last id of the previous page. Each with its attempts, oldest first. */
	List<Entry> page(WebhookEndpointId endpoint, int limit, @Nullable Long before) {
		List<Message> messages = jdbc.sql("""
				SELECT %s FROM webhook_delivery WHERE endpoint_id = ? AND (CAST(? AS bigint) IS NULL OR id < ?)
				 ORDER BY id DESC LIMIT ?""".formatted(LISTED))
			.params(endpoint.value(), before, before, limit)
			.query(DeliveryLog::message)
			.list();
		if (messages.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Attempt>> attempts = new LinkedHashMap<>();
		messages.forEach(message -> attempts.put(message.id(), new ArrayList<>()));
		jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id = ANY (?) ORDER BY id")
			.param(messages.stream().map(Message::id).toArray(Long[]::new))
			.query(rs -> {
				attempts.get(rs.getLong("delivery_id")).add(attempt(rs));
			});
		return messages.stream().map(message -> new Entry(message, List.copyOf(attempts.get(message.id())))).toList();
	}

	private static Message message(ResultSet rs, int row) throws SQLException {
		Long replayOf = rs.getObject("replay_of", Long.class);
		return new Message(rs.getLong("id"), new WebhookEndpointId(rs.getObject("endpoint_id", UUID.class)),
				rs.getString("message_id"), rs.getString("event_type"), rs.getString("subject"), rs.getString("body"),
				Status.valueOf(rs.getString("status")), replayOf, rs.getTimestamp("created_at").toInstant());
	}

	private static Attempt attempt(ResultSet rs) throws SQLException {
		return new Attempt(rs.getInt("attempt"), rs.getObject("status_code", Integer.class), rs.getInt("duration_ms"),
				Outcome.valueOf(rs.getString("outcome")), rs.getString("error"), rs.getTimestamp("at").toInstant());
	}
}

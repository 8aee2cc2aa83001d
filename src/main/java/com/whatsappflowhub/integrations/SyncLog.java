package com.whatsappflowhub.integrations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Every call to a far end and every inbound event, with its outcome (the seed's SYNC_LOG). */
@Repository
public class SyncLog {

	/** Vendor messages are kept to this length. */
	static final int MAX_ERROR = 2_000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	SyncLog(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public enum Direction {

		OUTBOUND, INBOUND

	}

	public enum Outcome {

		OK, RETRY, FAILED, IGNORED

	}

	/** One line of the log as the API shows it. */
	public record Entry(long id, Instant at, UUID connectionId, @Nullable UUID taskId, Direction direction,
			String operation, Outcome outcome, @Nullable Integer durationMs, @Nullable Integer httpStatus,
			@Nullable String error) {
	}

	/**
	 * Records one call or event in the current tenant (in a transaction of its own unless one is running); a line
	 * with outcome {@code OK} or {@code FAILED} is announced as {@link IntegrationSynced} or
	 * {@link IntegrationSyncFailed} in the same transaction.
	 */
	@Transactional
	public void record(ConnectionId connection, @Nullable UUID task, Direction direction, String operation,
			Outcome outcome, @Nullable Duration took, @Nullable Integer status, @Nullable String error, Instant at) {
		TenantId tenant = TenantContext.require();
		Integer durationMs = took == null ? null : (int) Math.min(Integer.MAX_VALUE, took.toMillis());
		String kept = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
		long id = jdbc.sql("""
				INSERT INTO sync_log (tenant_id, connection_id, task_id, direction, operation, outcome, duration_ms,
				  http_status, error, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(tenant.value(), connection.value(), task, direction.name(), operation, outcome.name(), durationMs,
					status, kept, Timestamp.from(at))
			.query(Long.class)
			.single();
		if (outcome == Outcome.OK) {
			events.publishEvent(new IntegrationSynced(tenant, id, connection.value(), task, direction, operation,
					durationMs, status, at));
		}
		else if (outcome == Outcome.FAILED) {
			events.publishEvent(new IntegrationSyncFailed(tenant, id, connection.value(), task, direction, operation,
					durationMs, status, kept, at));
		}
	}

	List<Entry> recent(ConnectionId connection, @Nullable Long before, int limit) {
		return jdbc.sql("""
				SELECT * FROM sync_log WHERE connection_id = ? AND id < coalesce(?::bigint, 9223372036854775807) ORDER BY id DESC LIMIT ?""")
			.params(connection.value(), before, limit)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getObject("connection_id", UUID.class), rs.getObject("task_id", UUID.class),
					Direction.valueOf(rs.getString("direction")), rs.getString("operation"),
					Outcome.valueOf(rs.getString("outcome")), (Integer) rs.getObject("duration_ms"),
					(Integer) rs.getObject("http_status"), rs.getString("error")))
			.list();
	}

	/** Drops what is older than {@code before} in every tenant; called through the cross-tenant path. */
	int purge(Instant before) {
		return jdbc.sql("DELETE FROM sync_log WHERE at < ?").param(Timestamp.from(before)).update();
	}
}

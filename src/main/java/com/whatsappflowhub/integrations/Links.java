package com.whatsappflowhub.integrations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.tasks.TaskId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which far-end object a connection made of a task, and up to which task version it is in sync. A worker about to
 * create the far end's object claims the link first, so two workers (or a retry racing a late first attempt) never
 * create two; an inbound change records the version it produced, so its echo is not pushed back.
 */
@Repository
class Links {

	private final JdbcClient jdbc;

	Links(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Link(ConnectionId connection, TaskId task, @Nullable String key, @Nullable String url, int syncedVersion,
			@Nullable Instant syncedAt, @Nullable Instant claimedUntil) {

		@Nullable Remote remote() {
			return key == null ? null : new Remote(key, url);
		}
	}

	Optional<Link> find(ConnectionId connection, TaskId task) {
		return jdbc.sql("SELECT * FROM external_link WHERE connection_id = ? AND task_id = ?")
			.params(connection.value(), task.value())
			.query((rs, row) -> link(rs))
			.optional();
	}

	Optional<Link> findByKey(ConnectionId connection, String key) {
		return jdbc.sql("SELECT * FROM external_link WHERE connection_id = ? AND external_key = ?")
			.params(connection.value(), key)
			.query((rs, row) -> link(rs))
			.optional();
	}

	/**
	 * Takes the right to create the far end's object for {@code lease}: true when there was no link, or an unfinished
	 * claim that has expired (its worker died or its answer was lost).
	 */
	boolean claim(ConnectionId connection, TaskId task, Instant now, Duration lease) {
		int rows = jdbc.sql("""
				INSERT INTO external_link (tenant_id, connection_id, task_id, claimed_until) VALUES (?, ?, ?, ?)
				ON CONFLICT (connection_id, task_id) DO UPDATE SET claimed_until = excluded.claimed_until
				WHERE external_link.external_key IS NULL AND external_link.claimed_until < ?""")
			.params(TenantContext.require().value(), connection.value(), task.value(), Timestamp.from(now.plus(lease)),
					Timestamp.from(now))
			.update();
		return rows == 1;
	}

	void release(ConnectionId connection, TaskId task) {
		jdbc.sql("DELETE FROM external_link WHERE connection_id = ? AND task_id = ? AND external_key IS NULL")
			.params(connection.value(), task.value())
			.update();
	}

	void linked(ConnectionId connection, TaskId task, Remote remote, int version, Instant at) {
		jdbc.sql("""
				UPDATE external_link SET external_key = ?, url = ?, synced_version = greatest(synced_version, ?),
				  synced_at = ?, claimed_until = NULL
				WHERE connection_id = ? AND task_id = ?""")
			.params(remote.key(), remote.url(), version, Timestamp.from(at), connection.value(), task.value())
			.update();
	}

	/** The far end has the task as it is at {@code version} (pushed by us, or the change came from there). */
	void synced(ConnectionId connection, TaskId task, int version, Instant at) {
		jdbc.sql("""
				UPDATE external_link SET synced_version = greatest(synced_version, ?), synced_at = ?
				WHERE connection_id = ? AND task_id = ?""")
			.params(version, Timestamp.from(at), connection.value(), task.value())
			.update();
	}

	void delete(ConnectionId connection, TaskId task) {
		jdbc.sql("DELETE FROM external_link WHERE connection_id = ? AND task_id = ?")
			.params(connection.value(), task.value())
			.update();
	}

	private static Link link(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp claimed = rs.getTimestamp("claimed_until");
		Timestamp synced = rs.getTimestamp("synced_at");
		return new Link(new ConnectionId(rs.getObject("connection_id", UUID.class)),
				new TaskId(rs.getObject("task_id", UUID.class)), rs.getString("external_key"), rs.getString("url"),
				rs.getInt("synced_version"), synced == null ? null : synced.toInstant(),
				claimed == null ? null : claimed.toInstant());
	}
}

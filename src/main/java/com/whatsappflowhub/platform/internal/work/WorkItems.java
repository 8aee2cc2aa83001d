package com.whatsappflowhub.platform.internal.work;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code work_item} table. Claims cross tenants through {@code flowhub_claim_work}; the rest runs in a tenant. */
@Repository
class WorkItems {

	private final JdbcClient jdbc;

	WorkItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Claimed(long id, TenantId tenant, String key, @Nullable String destination, String payloadType, String payload,
			int attempts) {
	}

	record Item(long id, TenantId tenant, String stage, String key, @Nullable String destination, String payloadType,
			String payload, String status, int attempts, Instant availableAt, @Nullable String lastError,
			Instant createdAt, Instant updatedAt) {
	}

	record Backlog(String stage, String status, long items, @Nullable Instant oldest) {
	}

	/** @return whether a row was written (false: the same key is pending already) */
	boolean insert(TenantId tenant, String stage, String key, @Nullable String destination, String payloadType,
			String payload) {
		return jdbc.sql("""
				INSERT INTO work_item (tenant_id, stage, key, destination, payload_type, payload)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, stage, key) DO NOTHING""")
			.params(tenant.value(), stage, key, destination, payloadType, payload)
			.update() == 1;
	}

	/**
	 * The same, written already leased to this replica for {@code lease} (its first attempt counted), for a worker
	 * here to take without a claim.
	 *
	 * @return the item's id, or empty when the same key is pending already
	 */
	Optional<Long> insertLeased(TenantId tenant, String stage, String key, @Nullable String destination,
			String payloadType, String payload, Duration lease) {
		return jdbc.sql("""
				INSERT INTO work_item (tenant_id, stage, key, destination, payload_type, payload, available_at, attempts)
				VALUES (?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?), 1)
				ON CONFLICT (tenant_id, stage, key) DO NOTHING RETURNING id""")
			.params(tenant.value(), stage, key, destination, payloadType, payload, lease.toMillis() / 1000.0)
			.query(Long.class)
			.optional();
	}

	/**
	 * A handed-over delivery's lease made the connector's own, just before its call: false when the item is no longer
	 * pending here (its short lease ended and another worker may have it). Runs in the item's tenant.
	 */
	boolean extend(long id, Duration lease) {
		return jdbc.sql("""
				UPDATE work_item SET available_at = now() + make_interval(secs => ?)
				 WHERE id = ? AND status = 'PENDING' AND available_at > now()""")
			.params(lease.toMillis() / 1000.0, id)
			.update() == 1;
	}

	List<Claimed> claim(String stage, int limit, Duration lease, Collection<String> excluded) {
		return jdbc.sql("SELECT * FROM flowhub_claim_work(?, ?, ?, ?)")
			.params(stage, limit, lease.toMillis() / 1000.0, (Object) excluded.toArray(String[]::new))
			.query((rs, n) -> new Claimed(rs.getLong("id"), new TenantId(rs.getObject("tenant_id", UUID.class)),
					rs.getString("key"), rs.getString("destination"), rs.getString("payload_type"), rs.getString("payload"),
					rs.getInt("attempts")))
			.list();
	}

	/**
	 * Done: the work leaves the table. Runs in the items' tenant.
	 *
	 * @return how many of them were still there (fewer: another worker finished one, or it was never committed)
	 */
	int complete(Collection<Long> ids) {
		return jdbc.sql("DELETE FROM work_item WHERE id = ANY (?)").param(ids.toArray(Long[]::new)).update();
	}

	/** Another attempt after {@code delay}, or a dead letter when {@code dead}. Runs in the item's tenant. */
	void failed(long id, String error, Duration delay, boolean dead) {
		jdbc.sql("""
				UPDATE work_item SET status = CASE WHEN ? THEN 'FAILED' ELSE 'PENDING' END,
				       available_at = now() + make_interval(secs => ?), last_error = left(?, 2000), updated_at = now()
				 WHERE id = ?""")
			.params(dead, delay.toMillis() / 1000.0, error, id)
			.update();
	}

	/** Not attempted (its destination could not take it): due again after {@code delay}, the attempt not counted. */
	void release(long id, Duration delay) {
		jdbc.sql("""
				UPDATE work_item SET attempts = greatest(attempts - 1, 0),
				       available_at = now() + make_interval(secs => ?), updated_at = now()
				 WHERE id = ?""")
			.params(delay.toMillis() / 1000.0, id)
			.update();
	}

	/** Items handed over here but not worked (this replica stops): due now again, their attempt not counted. */
	void giveBack(TenantId tenant, Collection<Long> ids) {
		jdbc.sql("""
				UPDATE work_item SET attempts = greatest(attempts - 1, 0), available_at = now()
				 WHERE tenant_id = ? AND id = ANY (?) AND status = 'PENDING'""")
			.params(tenant.value(), ids.toArray(Long[]::new))
			.update();
	}

	List<Item> deadLetters(@Nullable String stage, int limit, @Nullable Long after) {
		return jdbc.sql("""
				SELECT * FROM work_item WHERE status = 'FAILED'
				   AND (CAST(? AS text) IS NULL OR stage = ?) AND (CAST(? AS bigint) IS NULL OR id < ?)
				 ORDER BY id DESC LIMIT ?""")
			.params(stage, stage, after, after, limit)
			.query((rs, n) -> item(rs))
			.list();
	}

	Optional<Item> find(long id) {
		return jdbc.sql("SELECT * FROM work_item WHERE id = ?").param(id).query((rs, n) -> item(rs)).optional();
	}

	/** A dead letter due again now, with its attempts counted afresh. */
	boolean replay(long id) {
		return jdbc.sql("""
				UPDATE work_item SET status = 'PENDING', attempts = 0, available_at = now(), updated_at = now()
				 WHERE id = ? AND status = 'FAILED'""")
			.param(id)
			.update() == 1;
	}

	boolean discard(long id) {
		return jdbc.sql("DELETE FROM work_item WHERE id = ? AND status = 'FAILED'").param(id).update() == 1;
	}

	List<Backlog> backlog() {
		return jdbc.sql("SELECT * FROM flowhub_work_backlog()")
			.query((rs, n) -> {
				Timestamp oldest = rs.getTimestamp("oldest");
				return new Backlog(rs.getString("stage"), rs.getString("status"), rs.getLong("items"),
						oldest == null ? null : oldest.toInstant());
			})
			.list();
	}

	private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Item(rs.getLong("id"), new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getString("stage"),
				rs.getString("key"), rs.getString("destination"), rs.getString("payload_type"), rs.getString("payload"),
				rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("available_at").toInstant(),
				rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}

package com.whatsappflowhub.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: finds the tenants with deadlines to act on (through the audited cross-tenant path) and sweeps
 * each in its own tenant context. A PostgreSQL advisory lock makes sure one replica sweeps at a time.
 */
@Component
class DeadlineWatch {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

	private static final long LOCK = 0x466c6f77_534c4121L; // "FlowSLA!"

	private final DataSource dataSource;

	private final CrossTenant crossTenant;

	private final JdbcClient jdbc;

	private final TaskManagement tasks;

	private final TaskSettings settings;

	private final Clock clock;

	DeadlineWatch(DataSource dataSource, CrossTenant crossTenant, JdbcClient jdbc, TaskManagement tasks,
			TaskSettings settings, Clock clock) {
		this.dataSource = dataSource;
		this.crossTenant = crossTenant;
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${flowhub.tasks.watch-interval:60s}", initialDelayString = "${flowhub.tasks.watch-interval:60s}")
	void scheduled() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.error("The deadline watch failed; it runs again at the next interval", ex);
		}
	}

	/** @return false when another replica holds the lock and is sweeping */
	boolean sweep() {
		try (Connection lockConnection = dataSource.getConnection()) {
			if (!tryLock(lockConnection)) {
				return false;
			}
			try {
				for (TenantId tenant : tenantsWithDeadlines()) {
					TaskManagement.DeadlineSweep done = TenantContext.callAs(tenant,
							() -> tasks.sweepDeadlines(settings.reminderLead(), settings.escalateAfter(),
									settings.windowLead(), 500));
					if (done.reminded() + done.overdue() + done.escalated() + done.windowsClosing() > 0) {
						log.info("Deadlines of tenant {}: {} reminded, {} overdue, {} escalated, {} closing windows", tenant,
								done.reminded(), done.overdue(), done.escalated(), done.windowsClosing());
					}
				}
			}
			finally {
				unlock(lockConnection);
			}
			return true;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The deadline watch could not take its lock", ex);
		}
	}

	private List<TenantId> tenantsWithDeadlines() {
		Instant now = clock.instant();
		Instant horizon = now.plus(settings.reminderLead());
		Instant escalation = now.minus(settings.escalateAfter());
		return crossTenant.call("sla:tenants", "deadline-watch", () -> jdbc.sql("""
				SELECT DISTINCT tenant_id FROM task
				WHERE status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED')
				  AND (source_conversation_id IS NOT NULL
				       OR deadline <= ? AND (overdue_at IS NULL OR escalated_at IS NULL AND overdue_at <= ?
				                             OR reminded_at IS NULL AND assignee_id IS NOT NULL AND deadline > ?))""")
			.params(Timestamp.from(horizon), Timestamp.from(escalation), Timestamp.from(now))
			.query((rs, row) -> new TenantId(rs.getObject(1, UUID.class)))
			.list());
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, LOCK);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static void unlock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, LOCK);
			statement.execute();
		}
	}
}

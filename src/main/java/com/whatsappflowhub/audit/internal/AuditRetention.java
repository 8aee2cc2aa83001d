package com.whatsappflowhub.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges each tenant's audit rows older than the retention its settings name ({@code {"audit": {"retentionDays":
 * N}}}; none: kept for ever), through {@code flowhub_audit_purge()}, which writes the anchor row that keeps the chain
 * verifiable. Once per cluster: the replica holding the session-level advisory lock runs it, the others skip the
 * round (as the deadline watch does). Every six hours by default ({@code flowhub.audit.retention-interval}).
 */
@Component
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private static final long LOCK = 0x466c6f77_41756469L; // "FlowAudi"

	record Purge(TenantId tenant, long purged, long throughSeq, long anchorSeq) {
	}

	private final DataSource dataSource;

	private final CrossTenant crossTenant;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	AuditRetention(DataSource dataSource, CrossTenant crossTenant, JdbcClient jdbc,
			PlatformTransactionManager transactionManager) {
		this.dataSource = dataSource;
		this.crossTenant = crossTenant;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${flowhub.audit.retention-interval:6h}", initialDelayString = "${flowhub.audit.retention-interval:6h}")
	void scheduled() {
		try {
			purgeAll();
		}
		catch (RuntimeException ex) {
			log.error("The audit retention failed; it runs again at the next interval", ex);
		}
	}

	/** @return what was purged, or {@code null} when another replica holds the lock and is purging */
	@org.jspecify.annotations.Nullable
	List<Purge> purgeAll() {
		try (Connection lockConnection = dataSource.getConnection()) {
			if (!advisory(lockConnection, "SELECT pg_try_advisory_lock(?)")) {
				return null;
			}
			try {
				List<Purge> done = new java.util.ArrayList<>();
				for (TenantId tenant : tenantsWithRetention()) {
					try {
						Purge purge = purge(tenant);
						if (purge != null) {
							done.add(purge);
							log.info("Audit retention of tenant {}: {} row(s) through seq {} purged, anchor at seq {}", tenant,
									purge.purged(), purge.throughSeq(), purge.anchorSeq());
						}
					}
					catch (RuntimeException ex) {
						log.warn("The audit retention of tenant {} failed; the others go on: {}", tenant, ex.getMessage());
					}
				}
				return done;
			}
			finally {
				advisory(lockConnection, "SELECT pg_advisory_unlock(?)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The audit retention could not take its lock", ex);
		}
	}

	/** In the tenant's own transaction: the function sees (and deletes) only that tenant's rows. */
	@org.jspecify.annotations.Nullable
	Purge purge(TenantId tenant) {
		return TenantContext.callAs(tenant, () -> transactions.execute(status -> jdbc
			.sql("SELECT purged, through_seq, anchor_seq FROM flowhub_audit_purge()")
			.query((rs, row) -> new Purge(tenant, rs.getLong("purged"), rs.getLong("through_seq"), rs.getLong("anchor_seq")))
			.optional()
			.orElse(null)));
	}

	private List<TenantId> tenantsWithRetention() {
		return crossTenant.call("audit:retention", "audit-retention", () -> jdbc
			.sql("SELECT id FROM tenant WHERE jsonb_typeof(settings #> '{audit,retentionDays}') = 'number'")
			.query((rs, row) -> new TenantId(rs.getObject(1, UUID.class)))
			.list());
	}

	private static boolean advisory(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, LOCK);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}
}

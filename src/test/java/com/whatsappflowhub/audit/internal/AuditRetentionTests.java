package com.whatsappflowhub.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.audit.AuditEntry;
import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.audit.AuditVerifyCommand;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.tenant.TenantManagement;
import com.whatsappflowhub.identity.user.UserManagement;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 11 item 3's retention: a tenant's audit rows older than its retention are purged once per cluster, through
 * the one function that may delete them, which leaves an anchor row; {@code audit verify} still checks the rest from
 * the anchor and still finds a row changed, deleted or inserted behind the application's back.
 */
@IntegrationTest
class AuditRetentionTests {

	@Autowired
	AuditRetention retention;

	@Autowired
	TenantManagement tenants;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Environment env;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	TenantId newTenant(String prefix) {
		String slug = Api.unique(prefix);
		return tenants.create(new TenantManagement.NewTenant("Tenant " + slug, slug, "UTC", "en", false,
				new UserManagement.NewUser(slug + "@example.com", "Admin", null, Api.PASSWORD, EnumSet.of(Role.TENANT_ADMIN),
						null)))
			.tenant()
			.id();
	}

	/** A tenant whose first rows are 40 days old and its last ones fresh, with a 30-day retention. */
	TenantId tenantWithOldRows(int oldEntries, int freshEntries) {
		clock.advance(Duration.ofDays(-40));
		TenantId tenant = newTenant("retained");
		for (int i = 0; i < oldEntries; i++) {
			audit.record(new AuditEntry(tenant, "user:old", "rule.changed", "rule:" + i, "10.0.0.1", "old " + i));
		}
		clock.reset();
		for (int i = 0; i < freshEntries; i++) {
			audit.record(new AuditEntry(tenant, "user:new", "rule.changed", "rule:" + i, null, "fresh " + i));
		}
		tenants.change(tenant, new TenantManagement.TenantChanges(null, null, null, null,
				Map.of("audit", Map.of("retentionDays", 30))));
		return tenant;
	}

	@Test
	void purgesOnlyRowsOlderThanTheRetentionLeavesAnAnchorAndTheChainStillVerifies() throws Exception {
		TenantId tenant = tenantWithOldRows(3, 2);
		String chain = "tenant:" + tenant;
		long old;
		long total;
		try (Connection owner = owner()) {
			old = count(owner, "SELECT count(*) FROM audit_event WHERE chain = ? AND at < now() - interval '30 days'", chain);
			total = count(owner, "SELECT count(*) FROM audit_event WHERE chain = ?", chain);
		}
		assertThat(old).isGreaterThanOrEqualTo(5); // tenant.created, user.created and the three old entries

		List<AuditRetention.Purge> done = retention.purgeAll();
		assertThat(done).filteredOn(p -> p.tenant().equals(tenant)).singleElement().satisfies(purge -> {
			assertThat(purge.purged()).isEqualTo(old);
			assertThat(purge.throughSeq()).isEqualTo(old);
			assertThat(purge.anchorSeq()).isEqualTo(total + 1);
		});
		try (Connection owner = owner()) {
			assertThat(count(owner, "SELECT count(*) FROM audit_event WHERE chain = ? AND at < now() - interval '30 days'", chain))
				.isZero();
			assertThat(count(owner, "SELECT count(*) FROM audit_event WHERE chain = ?", chain)).isEqualTo(total - old + 1);
			Map<String, Object> anchor = row(owner, chain, total + 1);
			assertThat(anchor.get("action")).isEqualTo("audit.anchor");
			assertThat(anchor.get("actor")).isEqualTo("system:audit-retention");
			assertThat((String) anchor.get("detail")).startsWith("through-seq=" + old + " last-hash=").contains("count=" + old);
		}
		assertThat(verify().brokenAt()).isNull();
		assertThat(command()).isZero();

		// nothing more is old: a second round purges nothing and writes no second anchor
		assertThat(retention.purge(tenant)).isNull();
		// the chain goes on after the anchor
		audit.record(new AuditEntry(tenant, "user:new", "rule.deleted", "rule:9", null, null));
		assertThat(verify().brokenAt()).isNull();
	}

	@Test
	void aRowChangedDeletedOrInsertedAfterThePurgeIsStillDetected() throws Exception {
		TenantId tenant = tenantWithOldRows(2, 3);
		String chain = "tenant:" + tenant;
		AuditRetention.Purge purge = retention.purge(tenant);
		assertThat(purge).isNotNull();
		long first = purge.throughSeq() + 1;
		assertThat(verify().brokenAt()).isNull();
		try (Connection owner = owner()) {
			Map<String, Object> firstRow = row(owner, chain, first);
			Map<String, Object> secondRow = row(owner, chain, first + 1);
			update(owner, "UPDATE audit_event SET detail = 'forged' WHERE chain = ? AND seq = ?", chain, first + 1);
			assertThat(verify().brokenAt()).contains(chain + " at seq " + (first + 1)).contains("changed");
			assertThat(command()).isEqualTo(1);
			update(owner, "UPDATE audit_event SET detail = ? WHERE chain = ? AND seq = ?", secondRow.get("detail"), chain,
					first + 1);
			assertThat(verify().brokenAt()).isNull();

			update(owner, "DELETE FROM audit_event WHERE chain = ? AND seq = ?", chain, first); // the first kept row
			assertThat(verify().brokenAt()).contains(chain).contains("expected seq " + first);
			reinsert(owner, firstRow);
			assertThat(verify().brokenAt()).isNull();

			// a row slipped in before the first kept one (where the purged rows were)
			update(owner, """
					INSERT INTO audit_event (id, chain, seq, tenant_id, at, actor, action, prev_hash, hash)
					VALUES (gen_random_uuid(), ?, ?, ?::uuid, now() - interval '35 days', 'user:forger', 'user.created', ?, ?)""",
					chain, first - 1, tenant.toString(), "0".repeat(64), "0".repeat(64));
			assertThat(verify().brokenAt()).contains(chain).contains("expected seq " + first);
			update(owner, "DELETE FROM audit_event WHERE chain = ? AND actor = 'user:forger'", chain);
			assertThat(verify().brokenAt()).isNull();

			// the anchor changed, or removed: the chain no longer verifies
			Map<String, Object> anchor = row(owner, chain, purge.anchorSeq());
			update(owner, "UPDATE audit_event SET detail = replace(detail, 'count=', 'count=1') WHERE chain = ? AND seq = ?",
					chain, purge.anchorSeq());
			assertThat(verify().brokenAt()).contains(chain + " at seq " + purge.anchorSeq()).contains("changed");
			update(owner, "DELETE FROM audit_event WHERE chain = ? AND seq = ?", chain, purge.anchorSeq());
			assertThat(verify().brokenAt()).contains(chain).contains("expected seq 1");
			reinsert(owner, anchor);
			assertThat(verify().brokenAt()).isNull();
		}
	}

	@Test
	void thePurgeFunctionIsTheNarrowPathAndHonoursOnlyTheTenantsOwnRetention() throws Exception {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		// without a retention setting the function purges nothing, even when the rows are old
		clock.advance(Duration.ofDays(-400));
		TenantId kept = newTenant("kept");
		clock.reset();
		List<Map<String, Object>> nothing = TenantContext.callAs(kept,
				() -> tx.execute(status -> jdbc.sql("SELECT * FROM flowhub_audit_purge()").query().listOfRows()));
		assertThat(nothing).isEmpty();
		// a retention below the floor is refused by the function itself: a settings change cannot empty the trail
		tenants.change(kept, new TenantManagement.TenantChanges(null, null, null, null,
				Map.of("audit", Map.of("retentionDays", 1))));
		assertThat(catchThrowable(() -> retention.purge(kept))).rootCause().hasMessageContaining("outside 7..36500");
		// outside a tenant's transaction there is nothing it may purge
		assertThat(catchThrowable(
				() -> tx.execute(status -> jdbc.sql("SELECT * FROM flowhub_audit_purge()").query().listOfRows())))
			.rootCause()
			.hasMessageContaining("flowhub_audit_purge runs in a tenant");
		try (Connection owner = owner()) {
			assertThat(count(owner, "SELECT count(*) FROM audit_event WHERE chain = ?", "tenant:" + kept)).isPositive();
		}
	}

	ChainVerifier.Result verify() throws SQLException {
		try (Connection platform = DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
				env.getRequiredProperty("flowhub.db.platform-username"), env.getProperty("flowhub.db.platform-password", ""))) {
			return ChainVerifier.verify(platform);
		}
	}

	int command() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		return AuditVerifyCommand.run(new String[] { "verify" }, print, print);
	}

	Connection owner() throws SQLException {
		Connection owner = DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
				env.getRequiredProperty("spring.flyway.user"), env.getProperty("spring.flyway.password", ""));
		owner.createStatement().execute("SELECT set_config('app.cross_tenant', 'on', false)");
		return owner;
	}

	static long count(Connection owner, String sql, String chain) throws SQLException {
		try (PreparedStatement statement = owner.prepareStatement(sql)) {
			statement.setString(1, chain);
			ResultSet rs = statement.executeQuery();
			rs.next();
			return rs.getLong(1);
		}
	}

	static Map<String, Object> row(Connection owner, String chain, long seq) throws SQLException {
		try (PreparedStatement statement = owner.prepareStatement("SELECT * FROM audit_event WHERE chain = ? AND seq = ?")) {
			statement.setString(1, chain);
			statement.setLong(2, seq);
			ResultSet rs = statement.executeQuery();
			assertThat(rs.next()).as(chain + " seq " + seq).isTrue();
			Map<String, Object> row = new HashMap<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
			}
			return row;
		}
	}

	static void reinsert(Connection owner, Map<String, Object> row) throws SQLException {
		update(owner, """
				INSERT INTO audit_event (id, chain, seq, tenant_id, at, actor, action, target, client_address, detail,
				  prev_hash, hash) VALUES (?::uuid, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("id").toString(),
				row.get("chain"), row.get("seq"), row.get("tenant_id").toString(), row.get("at"), row.get("actor"),
				row.get("action"), row.get("target"), row.get("client_address"), row.get("detail"), row.get("prev_hash"),
				row.get("hash"));
	}

	static void update(Connection owner, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = owner.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			statement.executeUpdate();
		}
	}
}

package com.whatsappflowhub.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.audit.internal.ChainVerifier;
import com.whatsappflowhub.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The audit trail: recorded per tenant, readable by the right roles, append-only, and tamper-evident. */
@IntegrationTest
class AuditTrailTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Environment env;

	@Test
	void changesAndSignInsAreRecordedForTheirTenantAndReadByItsAdmin() {
		TenantFixture tenant = api.newTenant();
		TenantFixture other = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String created = api.createUser(admin, Api.unique("audited") + "@example.com", Role.USER, null);

		JsonNode rows = api.read(api.get("/api/v1/audit?action=user.created", admin));
		assertThat(rows.findValuesAsString("target")).contains("user:" + created);
		assertThat(rows.findValuesAsString("tenantId")).containsOnly(tenant.tenantId());
		JsonNode row = rows.valueStream().filter(r -> r.path("target").asString().equals("user:" + created)).findFirst().orElseThrow();
		assertThat(row.path("actor").asString()).isEqualTo("user:" + tenant.userIds().get(Role.TENANT_ADMIN));
		assertThat(row.path("clientAddress").asString()).isNotBlank();
		assertThat(api.read(api.get("/api/v1/audit?action=auth.sign-in", admin)).findValuesAsString("action"))
			.contains("auth.sign-in.succeeded");

		assertThat(api.read(api.get("/api/v1/audit?action=user.created", other.token(Role.TENANT_ADMIN)))
			.findValuesAsString("target")).doesNotContain("user:" + created);
		assertThat(api.read(api.get("/api/v1/audit?action=user.created&limit=500", api.superAdminToken()))
			.findValuesAsString("tenantId")).contains(tenant.tenantId(), other.tenantId());
		assertThat(api.get("/api/v1/audit", tenant.token(Role.MANAGER))).hasStatus(403);
		assertThat(api.read(api.get("/api/v1/audit?action=access.denied", admin)).findValuesAsString("target"))
			.anyMatch(target -> target.contains("/api/v1/audit"));
		assertThat(api.read(api.get("/api/v1/audit?action=auth.sign-in.failed&limit=500", api.superAdminToken())))
			.isNotNull();
	}

	@Test
	void theApplicationRoleMayAppendButNotChangeOrRemove() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		for (String sql : List.of("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event", "TRUNCATE audit_event")) {
			Throwable refused = catchThrowable(() -> tx.executeWithoutResult(status -> jdbc.sql(sql).update()));
			assertThat(refused).as(sql).rootCause().hasMessageContaining("permission denied");
		}
	}

	@Test
	void verifyDetectsARowChangedDeletedOrInsertedBehindTheApplicationsBack() throws Exception {
		TenantFixture tenant = api.newTenant();
		api.createUser(tenant.token(Role.TENANT_ADMIN), Api.unique("chain") + "@example.com", Role.USER, null);
		String chain = "tenant:" + tenant.tenantId();
		assertThat(verify().intact()).as(String.valueOf(verify().brokenAt())).isTrue();
		assertThat(command()).isZero();

		try (Connection owner = owner()) {
			Map<String, Object> second = row(owner, chain, 2);
			update(owner, "UPDATE audit_event SET actor = 'user:someone-else' WHERE chain = ? AND seq = 2", chain);
			assertThat(verify().brokenAt()).contains(chain + " at seq 2").contains("changed");
			assertThat(command()).isEqualTo(1);
			update(owner, "UPDATE audit_event SET actor = ? WHERE chain = ? AND seq = 2", second.get("actor"), chain);
			assertThat(verify().intact()).isTrue();

			update(owner, "DELETE FROM audit_event WHERE chain = ? AND seq = 2", chain);
			assertThat(verify().brokenAt()).contains(chain + " at seq 3").contains("missing or was inserted");
			update(owner, """
					INSERT INTO audit_event (id, chain, seq, tenant_id, at, actor, action, target, client_address, detail,
					  prev_hash, hash) VALUES (?::uuid, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)""",
					second.get("id").toString(), chain, 2L, tenant.tenantId(), second.get("at"), second.get("actor"),
					second.get("action"), second.get("target"), second.get("client_address"), second.get("detail"),
					second.get("prev_hash"), second.get("hash"));
			assertThat(verify().intact()).isTrue();

			long last = jdbcCount(owner, chain);
			update(owner, """
					INSERT INTO audit_event (id, chain, seq, tenant_id, at, actor, action, prev_hash, hash)
					VALUES (gen_random_uuid(), ?, ?, ?::uuid, now(), 'user:forger', 'user.created', ?, ?)""", chain, last + 1,
					tenant.tenantId(), "f".repeat(64), "f".repeat(64));
			assertThat(verify().brokenAt()).contains(chain + " at seq " + (last + 1)).contains("prev_hash");
			update(owner, "DELETE FROM audit_event WHERE chain = ? AND actor = 'user:forger'", chain);
			assertThat(verify().intact()).isTrue();
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

	static long jdbcCount(Connection owner, String chain) throws SQLException {
		try (var statement = owner.prepareStatement("SELECT max(seq) FROM audit_event WHERE chain = ?")) {
			statement.setString(1, chain);
			var rs = statement.executeQuery();
			rs.next();
			return rs.getLong(1);
		}
	}

	static Map<String, Object> row(Connection owner, String chain, long seq) throws SQLException {
		try (var statement = owner.prepareStatement("SELECT * FROM audit_event WHERE chain = ? AND seq = ?")) {
			statement.setString(1, chain);
			statement.setLong(2, seq);
			var rs = statement.executeQuery();
			assertThat(rs.next()).isTrue();
			Map<String, Object> row = new java.util.HashMap<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
			}
			return row;
		}
	}

	static void update(Connection owner, String sql, Object... params) throws SQLException {
		try (var statement = owner.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			statement.executeUpdate();
		}
	}
}

package com.whatsappflowhub.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.user.User;
import com.whatsappflowhub.identity.user.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation is enforced by PostgreSQL, not by query discipline: these tests go around the API and ask
 * the database directly, as the application's own role.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTests {

	@Autowired
	Api api;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CrossTenant crossTenant;

	TransactionTemplate transactions;

	TenantFixture a;

	TenantFixture b;

	@Autowired
	void transactions(PlatformTransactionManager manager) {
		this.transactions = new TransactionTemplate(manager);
	}

	@BeforeAll
	void twoTenantsWithData() {
		a = api.newTenant();
		b = api.newTenant();
	}

	@Test
	void aRepositoryQueryInTenantAsContextNeverReturnsBsRows() {
		List<User> seenByA = TenantContext.callAs(TenantId.of(a.tenantId()),
				() -> transactions.execute(status -> users.findAll(500, 0)));

		assertThat(seenByA).isNotEmpty().allSatisfy(user -> assertThat(user.tenantId().toString()).isEqualTo(a.tenantId()));
		assertThat(seenByA).extracting(user -> user.id().toString()).contains(a.spareUserId()).doesNotContain(b.spareUserId());
		java.util.Optional<User> bsUser = TenantContext.callAs(TenantId.of(a.tenantId()), () -> transactions
			.execute(status -> users.findById(new com.whatsappflowhub.identity.UserId(UUID.fromString(b.spareUserId())))));
		assertThat(bsUser).isEmpty();
	}

	@Test
	void rawSqlWithoutATenantContextSeesNoTenantRows() {
		for (String table : tenantOwnedTables()) {
			long outsideTransaction = jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
			Long insideTransaction = transactions
				.execute(status -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
			assertThat(outsideTransaction).as(table).isZero();
			assertThat(insideTransaction).as(table).isZero();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single()).isZero();
	}

	@Test
	void aWriteIntoAnotherTenantIsRefusedByThePolicy() {
		Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> TenantContext
			.runAs(TenantId.of(a.tenantId()), () -> transactions.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO team (id, tenant_id, name, created_at) VALUES (?, ?, 'smuggled', now())")
				.params(UUID.randomUUID(), UUID.fromString(b.tenantId()))
				.update())));
		assertThat(refused).rootCause().hasMessageContaining("violates row-level security policy");
	}

	@Test
	void everyTableWithATenantIdHasRowLevelSecurityEnabledAndForced() {
		List<Map<String, Object>> tables = jdbc.sql("""
				SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
				       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
				  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
				""").query().listOfRows();
		assertThat(tables).extracting(row -> row.get("name")).contains("app_user", "team", "refresh_token");
		assertThat(tables).allSatisfy(row -> {
			assertThat(row.get("enabled")).as("RLS enabled on %s", row.get("name")).isEqualTo(true);
			assertThat(row.get("forced")).as("RLS forced on %s", row.get("name")).isEqualTo(true);
			assertThat((Long) row.get("policies")).as("policies on %s", row.get("name")).isPositive();
		});
	}

	@Test
	void theApplicationRoleOwnsNoTableAndCannotBypassRowLevelSecurity() {
		Map<String, Object> role = jdbc
			.sql("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
			.query()
			.singleRow();
		assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
		assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theCrossTenantPathSeesEveryTenantAndLeavesARecord() {
		long before = jdbc.sql("SELECT count(*) FROM cross_tenant_access").query(Long.class).single();
		List<String> slugs = crossTenant.call("test:list", "RowLevelSecurityTests",
				() -> jdbc.sql("SELECT slug FROM tenant").query(String.class).list());
		assertThat(slugs).contains(a.slug(), b.slug());
		assertThat(jdbc.sql("SELECT purpose FROM cross_tenant_access ORDER BY id DESC LIMIT 1").query(String.class).single())
			.isEqualTo("test:list");
		assertThat(jdbc.sql("SELECT count(*) FROM cross_tenant_access").query(Long.class).single()).isGreaterThan(before);
		assertThat(jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single()).isZero();
	}

	@Test
	void settingTheCrossTenantFlagAsTheApplicationRoleOpensNothing() {
		// what an SQL injection through any of the application's connections could do: SET and set_config()
		List<String> viaSet = TenantContext.callAs(TenantId.of(a.tenantId()), () -> transactions.execute(status -> {
			jdbc.sql("SET LOCAL app.cross_tenant = on").update();
			return jdbc.sql("SELECT tenant_id::text FROM app_user").query(String.class).list();
		}));
		assertThat(viaSet).isNotEmpty().containsOnly(a.tenantId());
		Long viaSetConfig = transactions.execute(status -> jdbc
			.sql("SELECT count(*) FROM (SELECT set_config('app.cross_tenant', 'on', true)) s, tenant")
			.query(Long.class)
			.single());
		assertThat(viaSetConfig).isZero();
		Long withoutTenant = transactions.execute(status -> {
			jdbc.sql("SELECT set_config('app.cross_tenant', 'on', true)").query().singleRow();
			return jdbc.sql("SELECT count(*) FROM app_user WHERE tenant_id = ?::uuid").param(b.tenantId()).query(Long.class).single();
		});
		assertThat(withoutTenant).isZero();
	}

	@Test
	void theApplicationRoleCannotBecomeThePlatformRole() {
		Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> transactions
			.executeWithoutResult(status -> jdbc.sql("SET LOCAL ROLE flowhub_platform").update()));
		assertThat(refused).rootCause().hasMessageContaining("permission denied");
	}

	@Test
	void theApplicationRoleCannotPlantASigningKey() {
		Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> transactions
			.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO signing_key (kid, public_jwk, private_key, created_at) VALUES ('evil', '{}', '\\x00', now())")
				.update()));
		assertThat(refused).rootCause().hasMessageContaining("permission denied");
		Throwable retire = org.assertj.core.api.Assertions.catchThrowable(() -> transactions
			.executeWithoutResult(status -> jdbc.sql("UPDATE signing_key SET retired_at = now()").update()));
		assertThat(retire).rootCause().hasMessageContaining("permission denied");
	}

	private List<String> tenantOwnedTables() {
		return jdbc.sql("""
				SELECT DISTINCT table_name FROM information_schema.columns
				WHERE table_schema = 'public' AND column_name = 'tenant_id'""").query(String.class).list();
	}
}

package com.whatsappflowhub.identity.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users of the current tenant (row-level security scopes every query to it). */
@Repository
public class Users {

	private static final String COLUMNS = "id, tenant_id, email, name, phone, roles, scopes, team_id, active, last_login_at, created_at, updated_at";

	static final RowMapper<User> MAPPER = Users::map;

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(User user, @Nullable String passwordHash) {
		jdbc.sql("""
				INSERT INTO app_user (id, tenant_id, email, name, phone, password_hash, roles, scopes, team_id, active, created_at,
				  updated_at)
				VALUES (:id, :tenant, :email, :name, :phone, :hash, :roles::text[], :scopes::text[], :team, :active, :created,
				  :updated)""")
			.param("id", user.id().value())
			.param("tenant", user.tenantId().value())
			.param("email", user.email())
			.param("name", user.name())
			.param("phone", user.phone())
			.param("hash", passwordHash)
			.param("roles", rolesLiteral(user.roles()))
			.param("scopes", arrayLiteral(user.scopes()))
			.param("team", user.teamId() == null ? null : user.teamId().value())
			.param("active", user.active())
			.param("created", Timestamp.from(user.createdAt()))
			.param("updated", Timestamp.from(user.updatedAt()))
			.update();
	}

	void update(User user) {
		jdbc.sql("""
				UPDATE app_user SET name = :name, phone = :phone, roles = :roles::text[], scopes = :scopes::text[],
				       team_id = :team, active = :active, updated_at = :updated WHERE id = :id""")
			.param("id", user.id().value())
			.param("name", user.name())
			.param("phone", user.phone())
			.param("roles", rolesLiteral(user.roles()))
			.param("scopes", arrayLiteral(user.scopes()))
			.param("team", user.teamId() == null ? null : user.teamId().value())
			.param("active", user.active())
			.param("updated", Timestamp.from(user.updatedAt()))
			.update();
	}

	void updatePassword(UserId id, String passwordHash) {
		jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(passwordHash, id.value()).update();
	}

	/** Signs the user out everywhere: deactivation and password changes call it. */
	void revokeRefreshTokens(UserId id, Instant at) {
		jdbc.sql("UPDATE refresh_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(at), id.value())
			.update();
	}

	public void recordLogin(UserId id, Instant at) {
		jdbc.sql("UPDATE app_user SET last_login_at = ? WHERE id = ?").params(Timestamp.from(at), id.value()).update();
	}

	public Optional<User> findById(UserId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id.value()).query(MAPPER).optional();
	}

	public List<User> findAll(int limit, int offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE tenant_id = ? ORDER BY lower(email) LIMIT ? OFFSET ?")
			.params(tenant(), limit, offset)
			.query(MAPPER)
			.list();
	}

	List<User> findActive() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE tenant_id = ? AND active ORDER BY name")
			.param(tenant())
			.query(MAPPER)
			.list();
	}

	Optional<User> findByPhoneDigits(String digits) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE tenant_id = ? AND active "
				+ "AND regexp_replace(phone, '[^0-9]', '', 'g') = ? ORDER BY created_at LIMIT 1")
			.params(tenant(), digits)
			.query(MAPPER)
			.optional();
	}

	List<User> findByTeam(TeamId team) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE tenant_id = ? AND team_id = ? ORDER BY lower(email)")
			.params(tenant(), team.value())
			.query(MAPPER)
			.list();
	}

	/** Most accounts one sign-in tries for an e-mail that several tenants use (each costs a bcrypt check). */
	public static final int MAX_ACCOUNTS_PER_EMAIL = 5;

	/**
	 * Login lookup: the accounts with this e-mail (unique per tenant, so possibly one in each of several tenants), their
	 * password hashes and whether their tenants are active, oldest first. Cross-tenant path only.
	 */
	public List<Credentials> findCredentials(String email) {
		return jdbc.sql("SELECT u." + COLUMNS.replace(", ", ", u.") + ", u.password_hash, t.status = 'ACTIVE' AS tenant_active "
				+ "FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE lower(u.email) = lower(?) "
				+ "ORDER BY u.created_at LIMIT " + MAX_ACCOUNTS_PER_EMAIL)
			.param(email)
			.query((rs, row) -> new Credentials(map(rs, row), rs.getString("password_hash"), rs.getBoolean("tenant_active")))
			.list();
	}

	/** The current tenant's account with this e-mail, and whether the tenant is active (external OIDC tokens). */
	public Optional<Credentials> findInTenant(String email) {
		return jdbc.sql("SELECT u." + COLUMNS.replace(", ", ", u.") + ", NULL AS password_hash, t.status = 'ACTIVE' AS tenant_active "
				+ "FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.tenant_id = ? AND lower(u.email) = lower(?)")
			.params(tenant(), email)
			.query((rs, row) -> new Credentials(map(rs, row), null, rs.getBoolean("tenant_active")))
			.optional();
	}

	/** What login needs to know about a user. */
	public record Credentials(User user, @Nullable String passwordHash, boolean tenantActive) {
	}

	/**
	 * The current tenant, named in queries although row-level security filters by it too: the policy's OR with
	 * the cross-tenant switch keeps PostgreSQL from using the tenant indexes otherwise. No tenant: matches nothing.
	 */
	private static UUID tenant() {
		return TenantContext.current().map(TenantId::value).orElse(new UUID(0, 0));
	}

	private static String rolesLiteral(Set<Role> roles) {
		return arrayLiteral(roles.stream().map(Role::name).collect(java.util.stream.Collectors.toSet()));
	}

	/** Values are validated identifiers (role names, scopes such as {@code tasks:read}): no quoting needed. */
	private static String arrayLiteral(Set<String> values) {
		return values.stream().sorted().collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray("roles");
		Set<Role> parsed = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).forEach(parsed::add);
		UUID team = rs.getObject("team_id", UUID.class);
		Timestamp lastLogin = rs.getTimestamp("last_login_at");
		return new User(new UserId(rs.getObject("id", UUID.class)), new TenantId(rs.getObject("tenant_id", UUID.class)),
				rs.getString("email"), rs.getString("name"), rs.getString("phone"), Set.copyOf(parsed),
				Set.of((String[]) rs.getArray("scopes").getArray()),
				team == null ? null : new TeamId(team), rs.getBoolean("active"),
				lastLogin == null ? null : lastLogin.toInstant(), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}

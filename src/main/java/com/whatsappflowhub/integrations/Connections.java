package com.whatsappflowhub.integrations;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.platform.Secrets;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The current tenant's connections; credentials sealed with the platform's key, bound to the connection's id. */
@Repository
class Connections {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Secrets secrets;

	Connections(JdbcClient jdbc, JsonMapper json, Secrets secrets) {
		this.jdbc = jdbc;
		this.json = json;
		this.secrets = secrets;
	}

	/** A stored connection with what the API shows of it. */
	record Stored(Connection connection, boolean hasCredentials, Instant createdAt, Instant updatedAt) {
	}

	List<Stored> findAll() {
		return jdbc.sql("SELECT * FROM integration ORDER BY created_at, id").query(this::map).list();
	}

	/** An enabled connection's id and type: what fanning out a task change needs (no credentials opened). */
	record Target(ConnectionId id, String type) {
	}

	List<Target> enabledTargets() {
		return jdbc.sql("SELECT id, type FROM integration WHERE enabled ORDER BY created_at, id")
			.query((rs, row) -> new Target(new ConnectionId(rs.getObject("id", UUID.class)), rs.getString("type")))
			.list();
	}

	Optional<Stored> findById(ConnectionId id) {
		return jdbc.sql("SELECT * FROM integration WHERE id = ?").param(id.value()).query(this::map).optional();
	}

	boolean exists(ConnectionId id) {
		return jdbc.sql("SELECT count(*) FROM integration WHERE id = ?").param(id.value()).query(Integer.class).single() > 0;
	}

	boolean nameTaken(String name, @Nullable ConnectionId except) {
		return jdbc.sql("SELECT count(*) FROM integration WHERE lower(name) = lower(?) AND id IS DISTINCT FROM ?")
			.params(name, except == null ? null : except.value())
			.query(Integer.class)
			.single() > 0;
	}

	void insert(Connection connection, Instant now) {
		jdbc.sql("""
				INSERT INTO integration (id, tenant_id, type, name, config, credentials, enabled, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
			.params(connection.id().value(), TenantContext.require().value(), connection.type(), connection.name(),
					json.writeValueAsString(connection.config()), seal(connection), connection.enabled(),
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	void update(Connection connection, Instant now) {
		jdbc.sql("""
				UPDATE integration SET name = ?, config = ?::jsonb, credentials = ?, enabled = ?, updated_at = ?
				WHERE id = ?""")
			.params(connection.name(), json.writeValueAsString(connection.config()), seal(connection),
					connection.enabled(), Timestamp.from(now), connection.id().value())
			.update();
	}

	void remoteSelf(ConnectionId id, ObjectNode remoteSelf) {
		jdbc.sql("UPDATE integration SET remote_self = ?::jsonb WHERE id = ?")
			.params(json.writeValueAsString(remoteSelf), id.value())
			.update();
	}

	/** Moves the reconciliation time from {@code previous} to {@code now}; false when another replica moved it first. */
	boolean reconciled(ConnectionId id, @Nullable Instant previous, Instant now) {
		return jdbc.sql("UPDATE integration SET reconciled_at = ? WHERE id = ? AND reconciled_at IS NOT DISTINCT FROM ?")
			.params(Timestamp.from(now), id.value(), previous == null ? null : Timestamp.from(previous))
			.update() == 1;
	}

	boolean delete(ConnectionId id) {
		return jdbc.sql("DELETE FROM integration WHERE id = ?").param(id.value()).update() == 1;
	}

	/** Which tenant a connection belongs to; only through the cross-tenant path (inbound webhooks). */
	Optional<TenantId> tenantOf(ConnectionId id) {
		return jdbc.sql("SELECT tenant_id FROM integration WHERE id = ?")
			.param(id.value())
			.query((rs, row) -> new TenantId(rs.getObject(1, UUID.class)))
			.optional();
	}

	/** Every tenant's enabled connections of a type; only through the cross-tenant path (reconciliation, routing). */
	List<Connection> allEnabled(String type) {
		return jdbc.sql("SELECT * FROM integration WHERE enabled AND type = ?")
			.param(type)
			.query(this::map)
			.list()
			.stream()
			.map(Stored::connection)
			.toList();
	}

	/** Every tenant's enabled connections of a type whose remote self has this value; only through the cross-tenant path. */
	List<Connection> allEnabled(String type, String remoteSelfField, String value) {
		return jdbc.sql("SELECT * FROM integration WHERE enabled AND type = ? AND remote_self ->> ? = ?")
			.params(type, remoteSelfField, value)
			.query(this::map)
			.list()
			.stream()
			.map(Stored::connection)
			.toList();
	}

	private byte @Nullable [] seal(Connection connection) {
		if (connection.credentials().isEmpty()) {
			return null;
		}
		return secrets.seal(json.writeValueAsBytes(connection.credentials()), context(connection.id()));
	}

	private static String context(ConnectionId id) {
		return "integration:" + id;
	}

	private Stored map(ResultSet rs, int row) throws SQLException {
		ConnectionId id = new ConnectionId(rs.getObject("id", UUID.class));
		byte[] sealed = rs.getBytes("credentials");
		ObjectNode credentials = sealed == null ? json.createObjectNode()
				: (ObjectNode) json.readTree(new String(secrets.open(sealed, context(id)), StandardCharsets.UTF_8));
		Timestamp reconciled = rs.getTimestamp("reconciled_at");
		Connection connection = new Connection(id, new TenantId(rs.getObject("tenant_id", UUID.class)),
				rs.getString("type"), rs.getString("name"), (ObjectNode) json.readTree(rs.getString("config")),
				credentials, (ObjectNode) json.readTree(rs.getString("remote_self")), rs.getBoolean("enabled"),
				reconciled == null ? null : reconciled.toInstant());
		return new Stored(connection, sealed != null, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}

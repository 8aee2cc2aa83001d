package com.whatsappflowhub.identity.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tenant rows. Under row-level security a tenant sees only itself; the list is for the cross-tenant path. */
@Repository
class Tenants {

	private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Tenants(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Tenant tenant) {
		jdbc.sql("""
				INSERT INTO tenant (id, name, slug, timezone, locale, status, settings, platform, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
			.params(tenant.id().value(), tenant.name(), tenant.slug(), tenant.timezone(), tenant.locale(),
					tenant.status().name(), json.writeValueAsString(tenant.settings()), tenant.platform(),
					Timestamp.from(tenant.createdAt()), Timestamp.from(tenant.updatedAt()))
			.update();
	}

	void update(Tenant tenant) {
		jdbc.sql("""
				UPDATE tenant SET name = ?, timezone = ?, locale = ?, status = ?, settings = ?::jsonb, updated_at = ?
				WHERE id = ?""")
			.params(tenant.name(), tenant.timezone(), tenant.locale(), tenant.status().name(),
					json.writeValueAsString(tenant.settings()), Timestamp.from(tenant.updatedAt()), tenant.id().value())
			.update();
	}

	Optional<Tenant> findById(TenantId id) {
		return jdbc.sql("SELECT * FROM tenant WHERE id = ?").param(id.value()).query(this::map).optional();
	}

	Optional<Tenant> findBySlug(String slug) {
		return jdbc.sql("SELECT * FROM tenant WHERE slug = ?").param(slug).query(this::map).optional();
	}

	List<Tenant> findAll(int limit, int offset) {
		return jdbc.sql("SELECT * FROM tenant ORDER BY slug LIMIT ? OFFSET ?").params(limit, offset).query(this::map).list();
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single();
	}

	private Tenant map(ResultSet rs, int row) throws SQLException {
		return new Tenant(new TenantId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("slug"),
				rs.getString("timezone"), rs.getString("locale"), Tenant.Status.valueOf(rs.getString("status")),
				json.readValue(rs.getString("settings"), SETTINGS), rs.getBoolean("platform"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}

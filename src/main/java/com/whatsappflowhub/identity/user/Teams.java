package com.whatsappflowhub.identity.user;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.platform.TenantId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The teams of the current tenant. */
@Repository
class Teams {

	private static final RowMapper<Team> MAPPER = (rs, row) -> new Team(new TeamId(rs.getObject("id", UUID.class)),
			new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getString("name"),
			rs.getTimestamp("created_at").toInstant());

	private final JdbcClient jdbc;

	Teams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Team team) {
		jdbc.sql("INSERT INTO team (id, tenant_id, name, created_at) VALUES (?, ?, ?, ?)")
			.params(team.id().value(), team.tenantId().value(), team.name(), Timestamp.from(team.createdAt()))
			.update();
	}

	Optional<Team> findById(TeamId id) {
		return jdbc.sql("SELECT * FROM team WHERE id = ?").param(id.value()).query(MAPPER).optional();
	}

	List<Team> findAll() {
		return jdbc.sql("SELECT * FROM team ORDER BY name").query(MAPPER).list();
	}
}

package com.whatsappflowhub.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's rules, their run-time failures and the teams' round-robin positions. */
@Repository
class Rules {

	private static final TypeReference<List<RuleAction>> ACTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Rules(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<Rule> findAll() {
		return jdbc.sql("SELECT * FROM routing_rule ORDER BY position, created_at").query(this::map).list();
	}

	List<Rule> findEnabled() {
		return jdbc.sql("SELECT * FROM routing_rule WHERE enabled ORDER BY position, created_at").query(this::map).list();
	}

	Optional<Rule> findById(RuleId id) {
		return jdbc.sql("SELECT * FROM routing_rule WHERE id = ?").param(id.value()).query(this::map).optional();
	}

	int nextPosition() {
		return jdbc.sql("SELECT coalesce(max(position), 0) + 10 FROM routing_rule").query(Integer.class).single();
	}

	void save(Rule rule) {
		jdbc.sql("""
				INSERT INTO routing_rule (id, tenant_id, name, position, enabled, condition, actions, stop_processing,
				  created_at, updated_at)
				VALUES (:id, :tenant, :name, :position, :enabled, :condition, :actions::jsonb, :stop, :created, :updated)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position,
				  enabled = excluded.enabled, condition = excluded.condition, actions = excluded.actions,
				  stop_processing = excluded.stop_processing, updated_at = excluded.updated_at""")
			.param("id", rule.id().value())
			.param("tenant", TenantContext.require().value())
			.param("name", rule.name())
			.param("position", rule.position())
			.param("enabled", rule.enabled())
			.param("condition", rule.condition())
			.param("actions", json.writerFor(ACTIONS).writeValueAsString(rule.actions()))
			.param("stop", rule.stopProcessing())
			.param("created", Timestamp.from(rule.createdAt()))
			.param("updated", Timestamp.from(rule.updatedAt()))
			.update();
	}

	boolean delete(RuleId id) {
		return jdbc.sql("DELETE FROM routing_rule WHERE id = ?").param(id.value()).update() == 1;
	}

	void recordFailure(RuleId rule, @Nullable String subject, String error, Instant at) {
		jdbc.sql("INSERT INTO rule_failure (tenant_id, rule_id, at, subject, error) VALUES (?, ?, ?, ?, ?)")
			.params(TenantContext.require().value(), rule.value(), Timestamp.from(at), subject, error)
			.update();
	}

	record FailureRecord(Instant at, @Nullable String subject, String error) {
	}

	List<FailureRecord> failures(RuleId rule, int limit) {
		return jdbc.sql("SELECT at, subject, error FROM rule_failure WHERE rule_id = ? ORDER BY at DESC LIMIT ?")
			.params(rule.value(), limit)
			.query((rs, row) -> new FailureRecord(rs.getTimestamp("at").toInstant(), rs.getString("subject"),
					rs.getString("error")))
			.list();
	}

	/** Locks the team's rotation row (creating it) and returns who was assigned last. */
	@Nullable UUID lastAssigned(UUID team, boolean lock) {
		if (!lock) {
			return jdbc.sql("SELECT last_user_id FROM team_rotation WHERE team_id = ?")
				.param(team)
				.query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
				.optional()
				.flatMap(last -> last)
				.orElse(null);
		}
		jdbc.sql("INSERT INTO team_rotation (tenant_id, team_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(TenantContext.require().value(), team)
			.update();
		return jdbc.sql("SELECT last_user_id FROM team_rotation WHERE team_id = ? FOR UPDATE")
			.param(team)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
			.single()
			.orElse(null);
	}

	void rotated(UUID team, UUID user) {
		jdbc.sql("UPDATE team_rotation SET last_user_id = ? WHERE team_id = ?").params(user, team).update();
	}

	private Rule map(ResultSet rs, int row) throws SQLException {
		return new Rule(new RuleId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getInt("position"),
				rs.getBoolean("enabled"), rs.getString("condition"), json.readValue(rs.getString("actions"), ACTIONS),
				rs.getBoolean("stop_processing"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}

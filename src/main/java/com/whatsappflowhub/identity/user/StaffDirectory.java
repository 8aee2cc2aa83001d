package com.whatsappflowhub.identity.user;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Component
class StaffDirectory implements Directory {

	private final Users users;

	private static final TypeReference<Map<String, Object>> PREFERENCES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	StaffDirectory(Users users, JdbcClient jdbc, JsonMapper json) {
		this.users = users;
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	@Transactional(readOnly = true)
	public List<StaffMember> staff() {
		return users.findActive().stream().map(StaffDirectory::member).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StaffMember> member(UserId id) {
		return users.findById(id).map(StaffDirectory::member);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StaffMember> findByPhone(String phoneOrWaId) {
		String digits = phoneOrWaId.replaceAll("[^0-9]", "");
		return digits.isEmpty() ? Optional.empty() : users.findByPhoneDigits(digits).map(StaffDirectory::member);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StaffMember> findByEmail(String email) {
		return users.findActive()
			.stream()
			.filter(user -> user.email().equalsIgnoreCase(email.trim()))
			.findFirst()
			.map(StaffDirectory::member);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> externalIdentity(UserId user, String system) {
		return jdbc.sql("SELECT remote_id FROM user_external_identity WHERE user_id = ? AND system = ?")
			.params(user.value(), system)
			.query(String.class)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StaffMember> findByExternalIdentity(String system, String remoteId) {
		return jdbc.sql("SELECT user_id FROM user_external_identity WHERE system = ? AND remote_id = ?")
			.params(system, remoteId)
			.query((rs, row) -> new UserId(rs.getObject(1, java.util.UUID.class)))
			.optional()
			.flatMap(users::findById)
			.filter(User::active)
			.map(StaffDirectory::member);
	}

	@Override
	@Transactional
	public void identify(UserId user, String system, String remoteId) {
		jdbc.sql("DELETE FROM user_external_identity WHERE system = ? AND remote_id = ? AND user_id <> ?")
			.params(system, remoteId, user.value())
			.update();
		jdbc.sql("INSERT INTO user_external_identity (tenant_id, user_id, system, remote_id) VALUES (?, ?, ?, ?) "
				+ "ON CONFLICT (user_id, system) DO UPDATE SET remote_id = excluded.remote_id, updated_at = now()")
			.params(TenantContext.require().value(), user.value(), system, remoteId)
			.update();
	}

	/** Every tool identity of a member, for the users API. */
	@Transactional(readOnly = true)
	public Map<String, String> externalIdentities(UserId user) {
		Map<String, String> identities = new java.util.TreeMap<>();
		jdbc.sql("SELECT system, remote_id FROM user_external_identity WHERE user_id = ?")
			.param(user.value())
			.query((rs, row) -> identities.put(rs.getString(1), rs.getString(2)))
			.list();
		return identities;
	}

	/** Replaces every tool identity of a member (the users API). */
	@Transactional
	public void replaceExternalIdentities(UserId user, Map<String, String> identities) {
		jdbc.sql("DELETE FROM user_external_identity WHERE user_id = ?").param(user.value()).update();
		identities.forEach((system, remoteId) -> identify(user, system, remoteId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<StaffMember> teamMembers(TeamId team) {
		return users.findByTeam(team).stream().filter(User::active).map(StaffDirectory::member).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean teamExists(TeamId team) {
		return jdbc.sql("SELECT count(*) FROM team WHERE id = ?").param(team.value()).query(Long.class).single() > 0;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TeamRef> teams() {
		return jdbc.sql("SELECT id, name FROM team WHERE tenant_id = ? ORDER BY name")
			.param(TenantContext.require().value())
			.query((rs, row) -> new TeamRef(new TeamId(rs.getObject("id", java.util.UUID.class)), rs.getString("name")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public TenantSettings settings() {
		return jdbc.sql("SELECT timezone, locale, settings FROM tenant WHERE id = ?")
			.param(TenantContext.require().value())
			.query((rs, row) -> new TenantSettings(rs.getString("timezone"), rs.getString("locale"),
					json.readValue(rs.getString("settings"), PREFERENCES)))
			.single();
	}

	private static StaffMember member(User user) {
		return new StaffMember(user.id(), user.name(), user.email(), user.phone(), user.roles(), user.teamId(),
				user.active());
	}
}

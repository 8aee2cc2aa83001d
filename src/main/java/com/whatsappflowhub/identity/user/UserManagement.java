package com.whatsappflowhub.identity.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes the users and teams of the current tenant. */
@Service
public class UserManagement {

	private final Users users;

	private final Teams teams;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final com.whatsappflowhub.audit.AuditLog audit;

	UserManagement(Users users, Teams teams, PasswordEncoder passwords, Clock clock,
			com.whatsappflowhub.audit.AuditLog audit) {
		this.audit = audit;
		this.users = users;
		this.teams = teams;
		this.passwords = passwords;
		this.clock = clock;
	}

	public record NewUser(String email, String name, @Nullable String phone, @Nullable String password, Set<Role> roles,
			@Nullable TeamId teamId, Set<String> scopes) {

		public NewUser(String email, String name, @Nullable String phone, @Nullable String password, Set<Role> roles,
				@Nullable TeamId teamId) {
			this(email, name, phone, password, roles, teamId, Set.of());
		}
	}

	public record UserChanges(@Nullable String name, @Nullable String phone, @Nullable Set<Role> roles,
			@Nullable TeamId teamId, @Nullable Boolean active, @Nullable String password, @Nullable Set<String> scopes) {
	}

	/**
	 * @param grantedBy the roles of whoever creates the user; only a super admin may hand out
	 * {@link Role#SUPER_ADMIN}
	 */
	@Transactional
	public User create(NewUser request, Set<Role> grantedBy) {
		if (request.password() != null) {
			PasswordTooLong.check(request.password());
		}
		checkGrantable(request.roles(), grantedBy);
		if (request.teamId() != null) {
			team(request.teamId());
		}
		Instant now = clock.instant();
		User user = new User(UserId.random(), TenantContext.require(), request.email().trim(), request.name().trim(),
				blankToNull(request.phone()), Set.copyOf(request.roles()), Set.copyOf(request.scopes()), request.teamId(), true,
				null, now, now);
		try {
			users.insert(user, request.password() == null ? null : passwords.encode(request.password()));
		}
		catch (DuplicateKeyException ex) {
			throw new EmailTaken(user.email());
		}
		audit.change(user.tenantId(), "user.created", "user:" + user.id().value(), "roles " + user.roles());
		return user;
	}

	@Transactional
	public User change(UserId id, UserChanges changes, Set<Role> grantedBy) {
		if (changes.password() != null) {
			PasswordTooLong.check(changes.password());
		}
		User current = user(id);
		if (changes.roles() != null) {
			checkGrantable(changes.roles(), grantedBy);
		}
		if (changes.teamId() != null) {
			team(changes.teamId());
		}
		User changed = new User(current.id(), current.tenantId(), current.email(),
				changes.name() == null ? current.name() : changes.name().trim(),
				changes.phone() == null ? current.phone() : blankToNull(changes.phone()),
				changes.roles() == null ? current.roles() : Set.copyOf(changes.roles()),
				changes.scopes() == null ? current.scopes() : Set.copyOf(changes.scopes()),
				changes.teamId() == null ? current.teamId() : changes.teamId(),
				changes.active() == null ? current.active() : changes.active(), current.lastLoginAt(),
				current.createdAt(), clock.instant());
		users.update(changed);
		if (changes.password() != null) {
			users.updatePassword(id, passwords.encode(changes.password()));
		}
		if (changes.password() != null || !changed.active()) {
			users.revokeRefreshTokens(id, clock.instant());
		}
		audit.change(changed.tenantId(), "user.changed", "user:" + id.value(), (changes.password() != null ? "password " : "")
				+ (changes.roles() != null ? "roles " + changed.roles() + " " : "") + (changed.active() ? "" : "inactive"));
		return changed;
	}

	/** Users are deactivated, not erased: tasks and history keep pointing at them. */
	@Transactional
	public void deactivate(UserId id) {
		User current = user(id);
		users.update(current.deactivated(clock.instant()));
		users.revokeRefreshTokens(id, clock.instant());
		audit.change(current.tenantId(), "user.deactivated", "user:" + id.value(), null);
	}

	@Transactional(readOnly = true)
	public User user(UserId id) {
		return users.findById(id).orElseThrow(() -> new UserNotFound(id));
	}

	@Transactional(readOnly = true)
	public List<User> users(int limit, int offset) {
		return users.findAll(limit, offset);
	}

	@Transactional
	public Team createTeam(String name) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidTeamName();
		}
		Team team = new Team(new TeamId(java.util.UUID.randomUUID()), TenantContext.require(), trimmed, clock.instant());
		try {
			teams.insert(team);
		}
		catch (DuplicateKeyException ex) {
			throw new TeamNameTaken(team.name());
		}
		return team;
	}

	@Transactional(readOnly = true)
	public Team team(TeamId id) {
		return teams.findById(id).orElseThrow(() -> new TeamNotFound(id));
	}

	@Transactional(readOnly = true)
	public List<Team> teams() {
		return teams.findAll();
	}

	@Transactional(readOnly = true)
	public List<User> members(TeamId id) {
		team(id);
		return users.findByTeam(id);
	}

	@Transactional
	public User join(TeamId teamId, UserId userId) {
		team(teamId);
		User current = user(userId);
		User changed = current.withTeam(teamId, clock.instant());
		users.update(changed);
		return changed;
	}

	@Transactional
	public void leave(TeamId teamId, UserId userId) {
		team(teamId);
		User current = user(userId);
		if (!teamId.equals(current.teamId())) {
			throw new UserNotFound(userId + " in team " + teamId);
		}
		users.update(current.withTeam(null, clock.instant()));
	}

	private static void checkGrantable(Set<Role> roles, Set<Role> grantedBy) {
		if (roles.contains(Role.SUPER_ADMIN) && !grantedBy.contains(Role.SUPER_ADMIN)) {
			throw new RoleNotGrantable(Role.SUPER_ADMIN);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}

package com.whatsappflowhub.identity.user;

import java.time.Instant;
import java.util.Set;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A person (or API client) who signs in to one tenant. The password hash never leaves the repository;
 * {@code scopes} (such as {@code tasks:read}) limit what an API client may do.
 */
public record User(UserId id, TenantId tenantId, String email, String name, @Nullable String phone, Set<Role> roles,
		Set<String> scopes, @Nullable TeamId teamId, boolean active, @Nullable Instant lastLoginAt, Instant createdAt,
		Instant updatedAt) {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	User withTeam(@Nullable TeamId team, Instant now) {
		return new User(id, tenantId, email, name, phone, roles, scopes, team, active, lastLoginAt, createdAt, now);
	}

	User deactivated(Instant now) {
		return new User(id, tenantId, email, name, phone, roles, scopes, teamId, false, lastLoginAt, createdAt, now);
	}
}

package com.whatsappflowhub.analytics;

import java.util.Set;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Whose work a report counts (DESIGN §7, analytics column): admins and viewers the whole tenant, a manager their
 * team's tasks and their own, a user their own tasks. Message figures are the tenant's, so they are only in
 * whole-tenant reports.
 */
public record Scope(@Nullable UserId user, @Nullable TeamId team) {

	public static Scope wholeTenant() {
		return new Scope(null, null);
	}

	public static Scope of(Set<Role> roles, @Nullable UserId user, @Nullable TeamId team) {
		if (roles.contains(Role.SUPER_ADMIN) || roles.contains(Role.TENANT_ADMIN) || roles.contains(Role.VIEWER)) {
			return wholeTenant();
		}
		if (roles.contains(Role.MANAGER)) {
			return new Scope(user, team);
		}
		if (roles.contains(Role.USER) && user != null) {
			return new Scope(user, null);
		}
		throw new org.springframework.security.access.AccessDeniedException("no analytics for this role");
	}

	public boolean isWholeTenant() {
		return user == null && team == null;
	}
}

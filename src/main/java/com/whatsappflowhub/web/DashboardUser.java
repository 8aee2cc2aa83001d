package com.whatsappflowhub.web;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;

/**
 * The principal of a dashboard session: who signed in, in which tenant, with the roles they had then (a change of
 * roles applies at the next sign-in). Plain values only, so the session can be serialised.
 */
record DashboardUser(UUID id, UUID tenant, String name, String email, Set<Role> roles)
		implements Serializable, org.springframework.security.core.AuthenticatedPrincipal {

	/** The user's id, as the audit trail names its actor ({@code user:<id>}), like an API token's subject. */
	@Override
	public String getName() {
		return id.toString();
	}

	DashboardUser {
		roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public UserId userId() {
		return new UserId(id);
	}

	public TenantId tenantId() {
		return new TenantId(tenant);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isAdmin() {
		return has(Role.TENANT_ADMIN) || has(Role.SUPER_ADMIN);
	}

	/** May change tasks (everyone but viewers; the task module decides which tasks). */
	public boolean canWrite() {
		return isAdmin() || has(Role.MANAGER) || has(Role.USER);
	}

	@Override
	public String toString() {
		return email;
	}
}

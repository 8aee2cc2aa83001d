package com.whatsappflowhub.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;

/** The six roles of the product (DESIGN §7). A user holds one or more; tokens carry them in {@code roles}. */
public enum Role {

	/** Operates the platform: all tenants. */
	SUPER_ADMIN,

	/** Administers one tenant: its users, teams and configuration. */
	TENANT_ADMIN,

	/** Leads a team: its messages and tasks. */
	MANAGER,

	/** Staff: their own messages and assigned tasks. */
	USER,

	/** Reads, changes nothing. */
	VIEWER,

	/** A machine client of the API, limited to its scopes. */
	API_CLIENT;

	public String authority() {
		return "ROLE_" + name();
	}

	/** The roles among a caller's granted authorities ({@code ROLE_*}). */
	public static Set<Role> of(Collection<? extends GrantedAuthority> authorities) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : values()) {
			if (authorities.stream().anyMatch(a -> role.authority().equals(a.getAuthority()))) {
				roles.add(role);
			}
		}
		return roles;
	}
}

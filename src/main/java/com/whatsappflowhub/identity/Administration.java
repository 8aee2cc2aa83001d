package com.whatsappflowhub.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Administration of the current tenant for surfaces other than the API (the dashboard): its users (active or not)
 * and teams, its zone, language and settings document, and, for a super admin, the tenants of the platform. The
 * same rules as the API: only a super admin hands out {@link Role#SUPER_ADMIN}, an e-mail is unique, users are
 * deactivated and never erased, and every change is audited. Call it with a tenant context.
 */
public interface Administration {

	/** Everyone of the current tenant, active or not, by name. */
	List<Member> members();

	/**
	 * Creates a user who signs in with this password (a first password the admin hands over).
	 * @param grantedBy the roles of whoever creates the user
	 */
	Member create(NewMember member, Set<Role> grantedBy);

	/** Sets the user's roles and team ({@code team} null: no team), and whether they may sign in. */
	Member change(UserId user, Set<Role> roles, @Nullable TeamId team, boolean active, Set<Role> grantedBy);

	Directory.TeamRef createTeam(String name);

	/**
	 * Replaces the tenant's zone, language and the {@code section} object of its settings document (e.g.
	 * {@code pipeline}); the rest of the document stays.
	 */
	void changeTenant(String timezone, String locale, String section, Map<String, Object> values);

	/** The platform's tenants; for a super admin ({@code actor} is recorded with the cross-tenant read). */
	List<TenantSummary> tenants(String actor);

	/** A new tenant with its first administrator, who signs in with the password given. */
	TenantSummary createTenant(NewTenant tenant);

	/** Suspends a tenant (its people can no longer sign in) or makes it active again. */
	TenantSummary suspend(TenantId tenant, boolean suspended);

	record Member(UserId id, String email, String name, Set<Role> roles, @Nullable TeamId teamId, boolean active,
			@Nullable Instant lastLoginAt) {
	}

	record NewMember(String email, String name, String password, Set<Role> roles, @Nullable TeamId teamId) {
	}

	record TenantSummary(TenantId id, String name, String slug, String timezone, String locale, boolean suspended,
			boolean platform, Instant createdAt) {
	}

	record NewTenant(String name, String slug, String timezone, String locale, String adminEmail, String adminName,
			String adminPassword) {
	}
}

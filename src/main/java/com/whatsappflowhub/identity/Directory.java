package com.whatsappflowhub.identity;

import java.util.List;
import java.util.Optional;

/**
 * The staff directory of the current tenant, for other modules: who can be assigned work, and which WhatsApp
 * sender is a member of staff. Read-only; call it with a tenant context.
 */
public interface Directory {

	/** Active members of staff, by name. */
	List<StaffMember> staff();

	Optional<StaffMember> member(UserId id);

	/**
	 * The member whose phone number is this one, compared on digits only ({@code +1 555-0100} matches the
	 * WhatsApp id {@code 15550100}).
	 */
	Optional<StaffMember> findByPhone(String phoneOrWaId);

	/** The active member with this e-mail address (case-insensitive). */
	Optional<StaffMember> findByEmail(String email);

	/** Who the member is in another tool ({@code system}: {@code jira}, {@code slack}); empty when not mapped. */
	Optional<String> externalIdentity(UserId user, String system);

	/** The member who is {@code remoteId} in {@code system}. */
	Optional<StaffMember> findByExternalIdentity(String system, String remoteId);

	/**
	 * Records who the member is in another tool (found by e-mail, or given by an admin); replaces an earlier one and
	 * takes the identity from anyone else who had it.
	 */
	void identify(UserId user, String system, String remoteId);

	/** Active members of a team of the current tenant, by name; empty when there is no such team. */
	List<StaffMember> teamMembers(TeamId team);

	boolean teamExists(TeamId team);

	/** The current tenant's teams, by name. */
	List<TeamRef> teams();

	record TeamRef(TeamId id, String name) {
	}

	/** The current tenant's time zone and locale, which work is scheduled in. */
	TenantSettings settings();

	/** {@code preferences} is the tenant's free-form settings document (see {@code PATCH /tenants/{id}}). */
	record TenantSettings(String timezone, String locale, java.util.Map<String, Object> preferences) {
	}
}

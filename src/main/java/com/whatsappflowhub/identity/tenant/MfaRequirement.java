package com.whatsappflowhub.identity.tenant;

import java.util.Map;
import java.util.Set;

import com.whatsappflowhub.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Whom a tenant requires to sign in with a second factor: nobody (the default), its administrators
 * ({@link Role#TENANT_ADMIN}, {@link Role#SUPER_ADMIN}), or every person. Kept in the tenant's settings document as
 * {@code {"security": {"mfa": "ADMINS"}}}. API clients are never asked: they use API keys, and cannot enrol.
 */
public enum MfaRequirement {

	OFF, ADMINS, EVERYONE;

	public boolean appliesTo(Set<Role> roles) {
		boolean person = roles.stream().anyMatch(role -> role != Role.API_CLIENT);
		return switch (this) {
			case OFF -> false;
			case ADMINS -> roles.contains(Role.TENANT_ADMIN) || roles.contains(Role.SUPER_ADMIN);
			case EVERYONE -> person;
		};
	}

	/** The setting's value; anything unknown reads as the strictest that a typo could have meant to ask. */
	public static MfaRequirement parse(@Nullable String value) {
		if (value == null || value.isBlank() || value.equalsIgnoreCase("OFF")) {
			return OFF;
		}
		return value.equalsIgnoreCase("ADMINS") ? ADMINS : EVERYONE;
	}

	public static MfaRequirement of(Map<String, Object> settings) {
		Object security = settings.get("security");
		Object mfa = security instanceof Map<?, ?> section ? section.get("mfa") : null;
		return parse(mfa == null ? null : mfa.toString());
	}
}

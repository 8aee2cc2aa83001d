package com.whatsappflowhub.identity.auth;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who an external OIDC token speaks for here: the active local user of the token's tenant with the token's e-mail,
 * in an active tenant. The provider authenticates; what the caller may do comes from the local user (roles, scopes),
 * never from the provider's claims, and a deactivated user or suspended tenant is refused at once.
 */
@FunctionalInterface
interface ExternalAccounts {

	record LocalAccount(UUID userId, Set<String> roles, Set<String> scopes) {
	}

	Optional<LocalAccount> find(UUID tenantId, String email);
}

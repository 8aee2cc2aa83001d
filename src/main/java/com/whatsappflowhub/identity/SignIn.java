package com.whatsappflowhub.identity;

import java.util.Optional;
import java.util.Set;

import com.whatsappflowhub.platform.TenantId;

/**
 * Checks an e-mail and password for surfaces that keep their own session (the dashboard), with the same rules
 * and timing as the token endpoint: an unknown e-mail, a wrong password, an inactive user and a suspended tenant
 * are all the same empty answer. A success is recorded as the user's last sign-in.
 */
public interface SignIn {

	Optional<Account> verify(String email, String password);

	/** Who signed in: the user, their tenant and roles as they are now. */
	record Account(UserId id, TenantId tenantId, String name, String email, Set<Role> roles) {
	}
}

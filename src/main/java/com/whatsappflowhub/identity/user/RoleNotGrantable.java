package com.whatsappflowhub.identity.user;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.platform.InvalidRequest;

/** A tenant administrator tried to hand out a platform role. */
public final class RoleNotGrantable extends InvalidRequest {

	RoleNotGrantable(Role role) {
		super("role-not-grantable", "Role " + role + " cannot be granted here.");
	}
}

package com.whatsappflowhub.identity.user;

import com.whatsappflowhub.platform.NotFound;

public final class UserNotFound extends NotFound {

	UserNotFound(Object id) {
		super("No user " + id);
	}
}

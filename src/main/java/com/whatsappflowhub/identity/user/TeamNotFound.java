package com.whatsappflowhub.identity.user;

import com.whatsappflowhub.platform.NotFound;

public final class TeamNotFound extends NotFound {

	TeamNotFound(Object id) {
		super("No team " + id);
	}
}

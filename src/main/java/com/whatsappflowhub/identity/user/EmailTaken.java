package com.whatsappflowhub.identity.user;

import com.whatsappflowhub.platform.Conflict;

public final class EmailTaken extends Conflict {

	public EmailTaken(String email) {
		super("email-taken", "A user with e-mail " + email + " exists already.");
	}
}

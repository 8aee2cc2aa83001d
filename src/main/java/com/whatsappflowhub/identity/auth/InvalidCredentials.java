package com.whatsappflowhub.identity.auth;

import com.whatsappflowhub.platform.Unauthorized;

/** Unknown e-mail, wrong password, inactive user or suspended tenant: deliberately one answer for all. */
final class InvalidCredentials extends Unauthorized {

	InvalidCredentials() {
		super("invalid-credentials", "The e-mail or password is not correct.");
	}
}

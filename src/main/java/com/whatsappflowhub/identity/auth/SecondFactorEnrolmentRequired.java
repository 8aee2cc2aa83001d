package com.whatsappflowhub.identity.auth;

import com.whatsappflowhub.platform.Unauthorized;

/** A refresh for a user the tenant requires a second factor of, who has none: sign in with the password and enrol. */
final class SecondFactorEnrolmentRequired extends Unauthorized {

	SecondFactorEnrolmentRequired() {
		super("mfa-enrolment-required", "The tenant requires a second factor: sign in with the password, enrol one with "
				+ "the token that gives, and sign in again with its code.");
	}
}

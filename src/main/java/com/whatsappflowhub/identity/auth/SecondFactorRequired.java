package com.whatsappflowhub.identity.auth;

import com.whatsappflowhub.platform.Unauthorized;

/** The password was right and the user has a second factor: sign in again with {@code otp}. */
final class SecondFactorRequired extends Unauthorized {

	SecondFactorRequired() {
		super("mfa-required", "This account has a second factor: send the code from the authenticator app as otp.");
	}
}

package com.whatsappflowhub.identity.user;

import java.nio.charset.StandardCharsets;

import com.whatsappflowhub.platform.InvalidRequest;

/**
 * bcrypt reads at most 72 bytes of a password and Spring Security refuses longer ones with an exception: a longer
 * password is a 400, at sign-in as at creation, never a 500 and never silently cut.
 */
public final class PasswordTooLong extends InvalidRequest {

	/** What bcrypt reads of a password, in UTF-8 bytes. */
	public static final int MAX_BYTES = 72;

	PasswordTooLong() {
		super("password-too-long", "A password may be at most " + MAX_BYTES + " bytes long in UTF-8.");
	}

	/** @throws PasswordTooLong when bcrypt could not take this password */
	public static void check(String password) {
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new PasswordTooLong();
		}
	}
}

package com.whatsappflowhub.integrations.hooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An endpoint's Standard Webhooks signing secret: {@code whsec_} and the base64 of 32 random bytes. The HMAC key is
 * the decoded bytes. Never printed: {@link #toString} hides it.
 */
record SigningSecret(String value) {

	static final String PREFIX = "whsec_";

	private static final int BYTES = 32;

	static SigningSecret generate(SecureRandom random) {
		byte[] key = new byte[BYTES];
		random.nextBytes(key);
		return new SigningSecret(PREFIX + Base64.getEncoder().encodeToString(key));
	}

	static SigningSecret of(byte[] utf8) {
		return new SigningSecret(new String(utf8, StandardCharsets.UTF_8));
	}

	/** The HMAC key: the base64 after the prefix, decoded (a bare base64 secret without the prefix is read too). */
	byte[] key() {
		String encoded = value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value;
		return Base64.getDecoder().decode(encoded);
	}

	byte[] utf8() {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return PREFIX + "…";
	}
}

package com.whatsappflowhub.identity.mfa;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): the counter is the number of 30-second steps since
 * the epoch, the code the dynamically truncated HMAC of it. Authenticator apps use HMAC-SHA1 and 6 digits.
 */
public final class Totp {

	public static final long STEP_SECONDS = 30;

	private Totp() {
	}

	public static long counter(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** @param algorithm {@code HmacSHA1}, {@code HmacSHA256} or {@code HmacSHA512} */
	public static String code(byte[] secret, long counter, int digits, String algorithm) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret, algorithm));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
					| (hash[offset + 3] & 0xff);
			long modulo = (long) Math.pow(10, digits);
			String code = Long.toString(binary % modulo);
			return "0".repeat(digits - code.length()) + code;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC unavailable for " + algorithm, ex);
		}
	}

	/**
	 * The counter a 6-digit SHA-1 code matches at {@code at}, one step of clock drift either way allowed, and only
	 * after {@code lastUsed} (a code is good once).
	 */
	public static OptionalLong match(byte[] secret, String code, Instant at, long lastUsed) {
		if (code == null || !code.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long now = counter(at);
		for (long counter = now - 1; counter <= now + 1; counter++) {
			if (counter > lastUsed && java.security.MessageDigest.isEqual(code(secret, counter, 6, "HmacSHA1").getBytes(),
					code.getBytes())) {
				return OptionalLong.of(counter);
			}
		}
		return OptionalLong.empty();
	}
}

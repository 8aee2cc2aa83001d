package com.whatsappflowhub.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Verifies Meta's {@code X-Hub-Signature-256} header: {@code sha256=} and the lowercase hex HMAC-SHA256 of the exact
 * raw request bytes, keyed with the app secret. Check the signature before parsing anything; compare in constant
 * time. Stateless and thread-safe: the secret is passed per call because tenants may bring their own Meta app.
 */
public final class SignatureVerifier {

	/** The header Meta signs deliveries with. */
	public static final String HEADER = "X-Hub-Signature-256";

	private static final String PREFIX = "sha256=";

	private static final String ALGORITHM = "HmacSHA256";

	private static final int DIGEST_HEX_LENGTH = 64;

	/**
	 * Checks a delivery's signature.
	 *
	 * @param body the raw request body, exactly as received
	 * @param header the value of {@code X-Hub-Signature-256}, or {@code null} if absent
	 * @param secret the app secret of the Meta app that sent it
	 */
	public SignatureCheck check(byte[] body, @Nullable String header, AppSecret secret) {
		if (header == null || header.isBlank()) {
			return SignatureCheck.MISSING;
		}
		String value = header.trim();
		if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
			return SignatureCheck.MALFORMED;
		}
		String hex = value.substring(PREFIX.length());
		if (hex.length() != DIGEST_HEX_LENGTH || !isHex(hex)) {
			return SignatureCheck.MALFORMED;
		}
		byte[] claimed = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
		return MessageDigest.isEqual(hmac(body, secret), claimed) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
	}

	/**
	 * Checks a delivery against several candidate secrets (the platform's app and a tenant's own app).
	 *
	 * @return {@link SignatureCheck#VALID} if any secret matches, otherwise the outcome for the first secret
	 */
	public SignatureCheck checkAny(byte[] body, @Nullable String header, List<AppSecret> secrets) {
		SignatureCheck first = SignatureCheck.MISSING;
		for (int i = 0; i < secrets.size(); i++) {
			SignatureCheck check = check(body, header, secrets.get(i));
			if (check.isValid()) {
				return check;
			}
			if (i == 0) {
				first = check;
			}
		}
		return first;
	}

	/**
	 * Checks a delivery's signature and refuses it unless valid.
	 *
	 * @throws SignatureMismatch when the header is missing, malformed or does not match
	 */
	public void verify(byte[] body, @Nullable String header, AppSecret secret) throws SignatureMismatch {
		SignatureCheck check = check(body, header, secret);
		if (!check.isValid()) {
			throw new SignatureMismatch(check);
		}
	}

	/** The header value Meta would send for these bytes under this secret (for tests and tools). */
	public String sign(byte[] body, AppSecret secret) {
		return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
	}

	private static byte[] hmac(byte[] body, AppSecret secret) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			// HmacSHA256 is mandatory in every Java platform and any non-empty key is valid for it
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	private static boolean isHex(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			if (!hex) {
				return false;
			}
		}
		return true;
	}
}

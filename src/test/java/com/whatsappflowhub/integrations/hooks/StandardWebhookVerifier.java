package com.whatsappflowhub.integrations.hooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks message, written from the specification (not from our signer), for the
 * tests that play the customer's endpoint: the three headers (names in any case), an integer timestamp within 300 s
 * of {@code now}, and at least one {@code v1} signature in the space-separated list that matches, compared in constant
 * time; other versions are skipped.
 */
final class StandardWebhookVerifier {

	static final long TOLERANCE_SECONDS = 300;

	private final byte[] key;

	StandardWebhookVerifier(String secret) {
		String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
		this.key = Base64.getDecoder().decode(encoded);
	}

	boolean verify(Map<String, String> headers, byte[] body, long nowSeconds) {
		Map<String, String> byName = new TreeMap<>();
		headers.forEach((name, value) -> byName.put(name.toLowerCase(Locale.ROOT), value));
		String id = byName.get("webhook-id");
		String timestamp = byName.get("webhook-timestamp");
		String signatures = byName.get("webhook-signature");
		if (id == null || timestamp == null || signatures == null) {
			return false;
		}
		long sent;
		try {
			sent = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(nowSeconds - sent) > TOLERANCE_SECONDS) {
			return false;
		}
		byte[] expected = hmac((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
		for (String signature : signatures.split(" ")) {
			int comma = signature.indexOf(',');
			if (comma < 0 || !signature.substring(0, comma).equals("v1")) {
				continue;
			}
			byte[] given;
			try {
				given = Base64.getDecoder().decode(signature.substring(comma + 1));
			}
			catch (IllegalArgumentException notBase64) {
				continue;
			}
			if (MessageDigest.isEqual(expected, given)) {
				return true;
			}
		}
		return false;
	}

	private byte[] hmac(byte[] prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(prefix);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

package com.whatsappflowhub.integrations;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/** HMAC-SHA256 of a raw body, compared in constant time: how Jira and Slack sign what they send us. */
public final class InboundSignatures {

	private InboundSignatures() {
	}

	public static byte[] hmacSha256(String secret, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** Whether {@code hexSignature} (lower or upper case hex) is the HMAC of {@code body} under {@code secret}. */
	public static boolean matchesHex(String secret, byte[] body, @Nullable String hexSignature) {
		if (secret.isEmpty() || hexSignature == null || hexSignature.length() != 64) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(hexSignature.toLowerCase());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(hmacSha256(secret, body), given);
	}
}

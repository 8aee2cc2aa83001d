package com.whatsappflowhub.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes of the raw JSON of delivered items, for their dedupe keys. */
final class RawJson {

	private RawJson() {
	}

	static String sha256(String rawJson) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(rawJson.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is mandatory in every Java platform", ex);
		}
	}
}

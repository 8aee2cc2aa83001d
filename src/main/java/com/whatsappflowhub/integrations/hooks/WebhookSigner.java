package com.whatsappflowhub.integrations.hooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks' symmetric signature: {@code v1,} and the base64 of HMAC-SHA256 under the secret's key over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, the body as the exact bytes sent. During a rotation the header lists
 * one signature per valid secret, separated by spaces; a receiver accepts the message when any of them matches.
 */
final class WebhookSigner {

	private WebhookSigner() {
	}

	/** The {@code webhook-signature} header: one {@code v1,...} per secret, newest first. */
	static String header(List<SigningSecret> secrets, String id, long timestamp, byte[] body) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("A message is signed with at least one secret");
		}
		return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
	}

	static String sign(SigningSecret secret, String id, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}
}

package com.whatsappflowhub.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Meta's subscription handshake ({@code GET} of the callback URL): answer {@code hub.challenge} as plain text when
 * {@code hub.mode} is {@code subscribe} and {@code hub.verify_token} is one we configured; otherwise refuse (403).
 */
public final class VerifyHandshake {

	static final String SUBSCRIBE = "subscribe";

	/**
	 * @param mode {@code hub.mode}
	 * @param token {@code hub.verify_token}
	 * @param challenge {@code hub.challenge}
	 * @param verifyTokens the platform's verify token and tenants' own ones
	 * @return the challenge to echo, or empty to refuse
	 */
	public Optional<String> answer(@Nullable String mode, @Nullable String token, @Nullable String challenge,
			List<String> verifyTokens) {
		if (!SUBSCRIBE.equals(mode) || token == null || challenge == null || challenge.isEmpty()) {
			return Optional.empty();
		}
		byte[] offered = token.getBytes(StandardCharsets.UTF_8);
		boolean known = false;
		for (String expected : verifyTokens) {
			if (!expected.isEmpty() && MessageDigest.isEqual(offered, expected.getBytes(StandardCharsets.UTF_8))) {
				known = true;
			}
		}
		return known ? Optional.of(challenge) : Optional.empty();
	}
}

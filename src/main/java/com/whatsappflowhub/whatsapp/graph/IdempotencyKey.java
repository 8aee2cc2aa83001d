package com.whatsappflowhub.whatsapp.graph;

/**
 * The caller's key for one outbound message. The caller persists it with the message before sending; the client
 * sends a key at most once (see {@link SentMessages}) and retries only where Meta did not accept the message.
 */
public record IdempotencyKey(String value) {

	public IdempotencyKey {
		if (value.isBlank()) {
			throw new GraphFailure.BlankCredential("idempotency key");
		}
	}
}

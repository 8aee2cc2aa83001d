package com.whatsappflowhub.whatsapp.graph;

import java.util.Optional;

/**
 * What the client remembers about keys it has sent: the wamid Meta gave for a key, so that a second call with the
 * same {@link IdempotencyKey} returns that wamid instead of sending again. Back it with the outbound-message table
 * (the key is unique there); tests use an in-memory one for a single node.
 */
public interface SentMessages {

	Optional<String> wamidFor(IdempotencyKey key);

	void accepted(IdempotencyKey key, String wamid);
}

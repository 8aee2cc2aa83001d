package com.whatsappflowhub.platform;

/**
 * Authenticated encryption (AES-256-GCM) under the master key, for small secrets the platform keeps: signing
 * keys, access tokens, credentials. The {@code context} is bound to the ciphertext (as associated data), so a
 * secret sealed for one purpose cannot be opened as another.
 */
public interface Secrets {

	byte[] seal(byte[] plaintext, String context);

	byte[] open(byte[] sealed, String context);
}

package com.whatsappflowhub.platform.internal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.whatsappflowhub.platform.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Secrets} under a 256-bit master key taken from {@code FLOWHUB_MASTER_KEY} (base64), or else from a
 * key file in the data directory that is created on first start, readable by the owner only.
 */
class MasterKeySecrets implements Secrets {

	private static final Logger log = LoggerFactory.getLogger(MasterKeySecrets.class);

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	MasterKeySecrets(byte[] key) {
		if (key.length != 32) {
			throw new InvalidMasterKey("The master key must be 32 bytes (256 bits), got " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	static MasterKeySecrets from(String configuredKey, Path dataDir) {
		if (!configuredKey.isBlank()) {
			try {
				return new MasterKeySecrets(Base64.getDecoder().decode(configuredKey.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidMasterKey("FLOWHUB_MASTER_KEY is not valid base64");
			}
		}
		return new MasterKeySecrets(keyFile(dataDir.resolve("master.key")));
	}

	private static byte[] keyFile(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (!Files.exists(file)) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(file, Base64.getEncoder().encodeToString(key));
					log.info("Created a new master key in {} (keep it with the data; set FLOWHUB_MASTER_KEY in production)",
							file);
					return key;
				}
				catch (FileAlreadyExistsException raced) {
					// another process created it first: read theirs
				}
			}
			return Base64.getDecoder().decode(Files.readString(file).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the master key file " + file, ex);
		}
	}

	@Override
	public byte[] seal(byte[] plaintext, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] ciphertext = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	@Override
	public byte[] open(byte[] sealed, String context) {
		if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
			throw new UnreadableSecret();
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new UnreadableSecret();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** The master key given is unusable. */
	static final class InvalidMasterKey extends IllegalStateException {

		InvalidMasterKey(String message) {
			super(message);
		}
	}

	/** A sealed value was altered, sealed under another key, or for another context. */
	static final class UnreadableSecret extends IllegalStateException {

		UnreadableSecret() {
			super("The secret cannot be opened with this master key and context");
		}
	}
}

package com.whatsappflowhub.whatsapp;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared WhatsApp contracts are: {@code ../shared/contracts/whatsapp} beside the project (override with
 * {@code -Dflowhub.contracts.whatsapp=DIR}). Tests fail, never skip, when they are missing.
 */
public final class Contracts {

	private Contracts() {
	}

	public static Path whatsapp() {
		String override = System.getProperty("flowhub.contracts.whatsapp");
		Path dir = override != null ? Path.of(override)
				: Path.of("").toAbsolutePath().getParent().resolve("shared/contracts/whatsapp");
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("WhatsApp contracts not found at " + dir
					+ " (expected ../shared/contracts/whatsapp or -Dflowhub.contracts.whatsapp)");
		}
		return dir;
	}

	public static Path webhooks() {
		return whatsapp().resolve("webhooks");
	}
}

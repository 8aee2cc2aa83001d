package com.whatsappflowhub.integrations;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the vendors' official contracts are: {@code ../shared/contracts/<vendor>} beside the project (override with
 * {@code -Dflowhub.contracts=DIR}). Tests fail, never skip, when they are missing.
 */
public final class IntegrationContracts {

	private IntegrationContracts() {
	}

	public static Path vendor(String name) {
		String override = System.getProperty("flowhub.contracts");
		Path root = override != null ? Path.of(override)
				: Path.of("").toAbsolutePath().getParent().resolve("shared/contracts");
		Path dir = root.resolve(name);
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("The " + name + " contracts are not at " + dir
					+ " (expected ../shared/contracts/" + name + " or -Dflowhub.contracts)");
		}
		return dir;
	}
}

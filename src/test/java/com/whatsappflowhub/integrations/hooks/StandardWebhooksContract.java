package com.whatsappflowhub.integrations.hooks;

import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared Standard Webhooks contract: {@code ../shared/contracts/standard-webhooks} beside the project (override
 * with {@code -Dflowhub.contracts.standard-webhooks=DIR}). Tests fail, never skip, when it is missing.
 */
final class StandardWebhooksContract {

	private StandardWebhooksContract() {
	}

	static JsonNode vectors() {
		String override = System.getProperty("flowhub.contracts.standard-webhooks");
		Path dir = override != null ? Path.of(override)
				: Path.of("").toAbsolutePath().getParent().resolve("shared/contracts/standard-webhooks");
		Path vectors = dir.resolve("test-vectors/vectors.json");
		if (!Files.isRegularFile(vectors)) {
			throw new IllegalStateException("Standard Webhooks test vectors not found at " + vectors
					+ " (expected ../shared/contracts/standard-webhooks or -Dflowhub.contracts.standard-webhooks)");
		}
		return JsonMapper.shared().readTree(vectors.toFile());
	}
}

package com.whatsappflowhub.platform.internal.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Examples recorded from real requests and answers, kept as {@code openapi/examples/<module>/<operationId>.json}:
 * {@code {"request": {...}, "responses": {"200": {...}}}}. Each goes on the operation's JSON body of that name; an
 * example for an operation id that does not exist fails the document.
 */
class PayloadExamples implements OpenApiCustomizer {

	private final Map<String, JsonNode> examples = new HashMap<>();

	PayloadExamples(ResourcePatternResolver resources) {
		try {
			for (Resource resource : resources.getResources("classpath*:openapi/examples/**/*.json")) {
				String name = resource.getFilename();
				try (InputStream in = resource.getInputStream()) {
					examples.put(name.substring(0, name.length() - ".json".length()), Json.mapper().readTree(in));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the OpenAPI examples", ex);
		}
	}

	@Override
	public void customise(OpenAPI api) {
		Map<String, Operation> operations = new HashMap<>();
		if (api.getPaths() != null) {
			api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
				if (operation.getOperationId() != null) {
					operations.put(operation.getOperationId(), operation);
				}
			}));
		}
		examples.forEach((operationId, example) -> {
			Operation operation = operations.get(operationId);
			if (operation == null) {
				throw new IllegalStateException("An example names the operation " + operationId + ", which does not exist");
			}
			if (example.has("request") && operation.getRequestBody() != null) {
				json(operation.getRequestBody().getContent(), example.get("request"));
			}
			if (example.has("responses")) {
				example.get("responses").properties().forEach(entry -> {
					ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(entry.getKey());
					if (response == null) {
						throw new IllegalStateException(operationId + " has no response " + entry.getKey() + " for its example");
					}
					json(response.getContent(), entry.getValue());
				});
			}
		});
	}

	private static void json(@Nullable Content content, JsonNode example) {
		if (content == null) {
			return;
		}
		MediaType media = content.get("application/json");
		if (media == null && !content.isEmpty()) {
			media = content.values().iterator().next();
		}
		if (media != null) {
			media.setExample(example);
		}
	}
}

package com.whatsappflowhub.platform.internal.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The values of a {@code Map<String, Object>} (a history entry's changes, a tenant's settings, a JWKS) are any JSON
 * value, not JSON objects as swagger-core writes them: {@code additionalProperties: {type: object}} with nothing
 * else becomes {@code additionalProperties: {}}.
 */
class AnyValues implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI api) {
		List<Schema<?>> schemas = new ArrayList<>();
		if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
			api.getComponents().getSchemas().values().forEach(schemas::add);
		}
		if (api.getPaths() != null) {
			api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
				if (operation.getResponses() != null) {
					operation.getResponses().values().forEach(response -> {
						if (response.getContent() != null) {
							response.getContent().values().forEach(media -> schemas.add(media.getSchema()));
						}
					});
				}
				if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
					operation.getRequestBody().getContent().values().forEach(media -> schemas.add(media.getSchema()));
				}
			}));
		}
		schemas.forEach(AnyValues::visit);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void visit(@Nullable Schema schema) {
		if (schema == null) {
			return;
		}
		if (schema.getAdditionalProperties() instanceof Schema values) {
			if (isBareObject(values)) {
				schema.setAdditionalProperties(new Schema<>());
			}
			else {
				visit(values);
			}
		}
		Map<String, Schema> properties = schema.getProperties();
		if (properties != null) {
			properties.values().forEach(AnyValues::visit);
		}
		visit(schema.getItems());
		if (schema.getAllOf() != null) {
			((List<Schema>) schema.getAllOf()).forEach(AnyValues::visit);
		}
	}

	@SuppressWarnings("rawtypes")
	private static boolean isBareObject(Schema schema) {
		return "object".equals(schema.getType()) && schema.get$ref() == null && schema.getProperties() == null
				&& schema.getAdditionalProperties() == null && schema.getAllOf() == null && schema.getOneOf() == null
				&& schema.getAnyOf() == null;
	}
}

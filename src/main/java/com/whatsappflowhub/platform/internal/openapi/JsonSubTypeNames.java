package com.whatsappflowhub.platform.internal.openapi;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.jspecify.annotations.Nullable;

/**
 * A type that Jackson writes with a type name ({@code @JsonTypeInfo(use = NAME)} and {@code @JsonSubTypes}, e.g. a
 * rule action {@code {"type": "assign_team", ...}}) is documented with those names: the discriminator maps each name
 * to its schema, and each subtype's schema matches only its own name, so a client or a validator tells them apart the
 * way the service does.
 */
class JsonSubTypeNames implements ModelConverter {

	@Override
	@SuppressWarnings("rawtypes")
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
		JsonSubTypes subTypes = raw.getAnnotation(JsonSubTypes.class);
		if (resolved == null || info == null || subTypes == null || info.use() != JsonTypeInfo.Id.NAME) {
			return resolved;
		}
		Schema parent = named(resolved, context, raw.getSimpleName());
		if (parent != null) {
			Discriminator discriminator = parent.getDiscriminator() == null ? new Discriminator() : parent.getDiscriminator();
			parent.setDiscriminator(discriminator.propertyName(info.property()));
			for (JsonSubTypes.Type subType : subTypes.value()) {
				String schemaName = subType.value().getSimpleName();
				discriminator.mapping(subType.name(), "#/components/schemas/" + schemaName);
				Schema child = context.getDefinedModels().get(schemaName);
				if (child != null) {
					onlyName(child, info.property(), subType.name());
				}
			}
		}
		return resolved;
	}

	@SuppressWarnings("rawtypes")
	private static @Nullable Schema named(Schema resolved, ModelConverterContext context, String name) {
		return resolved.get$ref() == null ? resolved : context.getDefinedModels().get(name);
	}

	/** The subtype's own part (after {@code allOf: [parent]}) names the one value its type property takes. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void onlyName(Schema child, String property, String name) {
		Schema own = child;
		List<Schema> allOf = child.getAllOf();
		if (allOf != null) {
			own = allOf.stream().filter(part -> part.get$ref() == null).findFirst().orElse(null);
			if (own == null) {
				own = new ObjectSchema();
				allOf.add(own);
			}
		}
		// a pattern rather than an enum: generated clients keep the parent's String type property
		own.addProperty(property, new StringSchema().pattern("^" + name.replaceAll("[^A-Za-z0-9_-]", "\\\\$0") + "$")
			.example(name));
		own.addRequiredItem(property);
	}
}

package com.whatsappflowhub.whatsapp.webhook;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Null-safe reads of the scalar fields of a webhook's JSON tree. */
final class Json {

	private Json() {
	}

	/** The field as text if it is a scalar (strings, numbers, booleans), otherwise {@code null}. */
	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString() : null;
	}

	static boolean flag(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isBoolean() ? value.booleanValue() : "true".equals(text(node, field));
	}

	static @Nullable Boolean optionalFlag(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isBoolean() ? Boolean.valueOf(value.booleanValue()) : null;
	}

	/** An epoch-seconds timestamp, given by Meta as a string or a number. */
	static @Nullable Instant epochSeconds(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isIntegralNumber()) {
			return Instant.ofEpochSecond(value.longValue());
		}
		String text = text(node, field);
		if (text == null) {
			return null;
		}
		try {
			return Instant.ofEpochSecond(Long.parseLong(text.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static @Nullable BigDecimal decimal(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isNumber()) {
			return value.decimalValue();
		}
		String text = text(node, field);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static @Nullable Double number(JsonNode node, String field) {
		BigDecimal value = decimal(node, field);
		return value == null ? null : value.doubleValue();
	}
}

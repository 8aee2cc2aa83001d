package com.whatsappflowhub.events.kafka;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What in a new version of an event schema breaks a consumer written against the old one: a property removed, a
 * property that was optional made required, or a type changed (a different set of JSON types, nullability
 * included). Walks {@code properties}, {@code items}, {@code anyOf} and {@code $defs} side by side. New optional
 * properties, new event types and new descriptions are compatible.
 */
final class SchemaCompatibility {

	private SchemaCompatibility() {
	}

	static List<String> breaks(JsonNode baseline, JsonNode current) {
		List<String> problems = new ArrayList<>();
		compare("", baseline, current, problems);
		return problems;
	}

	private static void compare(String at, JsonNode before, JsonNode after, List<String> problems) {
		Set<String> typesBefore = types(before);
		Set<String> typesAfter = types(after);
		if (!typesBefore.equals(typesAfter)) {
			problems.add(at + ": type " + typesBefore + " became " + typesAfter);
		}
		if (before.has("$ref") && !before.path("$ref").equals(after.path("$ref"))) {
			problems.add(at + ": $ref " + before.path("$ref").asString() + " became " + after.path("$ref"));
		}
		Set<String> requiredBefore = names(before.path("required"));
		for (String name : names(after.path("required"))) {
			if (before.path("properties").has(name) && !requiredBefore.contains(name)) {
				problems.add(at + "/" + name + ": optional, now required");
			}
		}
		for (String name : before.path("properties").propertyNames()) {
			JsonNode next = after.path("properties").path(name);
			if (next.isMissingNode()) {
				problems.add(at + "/" + name + ": removed");
			}
			else {
				compare(at + "/" + name, before.path("properties").path(name), next, problems);
			}
		}
		if (before.has("items")) {
			compare(at + "[]", before.path("items"), after.path("items"), problems);
		}
		for (int i = 0; i < before.path("anyOf").size(); i++) {
			compare(at + "|" + i, before.path("anyOf").path(i), after.path("anyOf").path(i), problems);
		}
		for (String name : before.path("$defs").propertyNames()) {
			JsonNode next = after.path("$defs").path(name);
			if (next.isMissingNode()) {
				problems.add(at + "#/$defs/" + name + ": removed");
			}
			else {
				compare(at + "#/$defs/" + name, before.path("$defs").path(name), next, problems);
			}
		}
	}

	private static Set<String> types(JsonNode schema) {
		JsonNode type = schema.path("type");
		Set<String> types = new HashSet<>();
		if (type.isArray()) {
			type.forEach(each -> types.add(each.asString()));
		}
		else if (type.isString()) {
			types.add(type.asString());
		}
		return types;
	}

	private static Set<String> names(JsonNode array) {
		Set<String> names = new HashSet<>();
		array.forEach(each -> names.add(each.asString()));
		return names;
	}
}

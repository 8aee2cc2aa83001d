package com.whatsappflowhub.extraction.eval;

import com.whatsappflowhub.extraction.AnalysisRequest;
import com.whatsappflowhub.extraction.AnalysisRequest.ContextMessage;
import com.whatsappflowhub.extraction.AnalysisRequest.Role;
import com.whatsappflowhub.extraction.AnalysisRequest.Sender;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One line of a labelled JSONL file (format of {@code shared/eval/README.md}), with its gold labels. */
public record LabelledItem(String id, AnalysisRequest request, @Nullable String language, @Nullable Boolean actionable,
		@Nullable JsonNode tasks, @Nullable JsonNode deadline, boolean hasDeadline) {

	public static LabelledItem from(JsonNode node, ZonedDateTime now) {
		String text = node.path("text").asString("");
		ZonedDateTime sentAt = node.hasNonNull("sent_at")
				? OffsetDateTime.parse(node.get("sent_at").asString()).toZonedDateTime() : now;
		ZoneId zone = node.hasNonNull("timezone") ? ZoneId.of(node.get("timezone").asString()) : sentAt.getZone();
		Locale locale = node.hasNonNull("locale") ? Locale.forLanguageTag(node.get("locale").asString()) : Locale.US;
		var directory = new ArrayList<String>();
		for (JsonNode d : node.path("directory")) {
			directory.add(d.asString());
		}
		Sender sender = node.hasNonNull("sender") ? sender(node.get("sender"), directory) : null;
		var context = new ArrayList<ContextMessage>();
		for (JsonNode c : node.path("context")) {
			context.add(new ContextMessage(c.hasNonNull("sender") ? sender(c.get("sender"), directory) : null,
					c.path("text").asString("")));
		}
		var request = new AnalysisRequest(text, sentAt, zone, locale, sender, context, directory);
		return new LabelledItem(node.path("id").asString(""), request,
				node.hasNonNull("language") ? node.get("language").asString() : null,
				node.hasNonNull("actionable") ? node.get("actionable").asBoolean() : null,
				node.has("tasks") ? node.get("tasks") : null, node.get("deadline"), node.has("deadline"));
	}

	/** A sender given by name only is staff when the directory lists it, a customer otherwise. */
	private static Sender sender(JsonNode node, List<String> directory) {
		if (node.isString()) {
			return new Sender(node.asString(), directory.contains(node.asString()) ? Role.STAFF : Role.CUSTOMER);
		}
		String role = node.path("role").asString("customer").toUpperCase(Locale.ROOT);
		Role r = switch (role) {
			case "STAFF" -> Role.STAFF;
			case "MANAGER" -> Role.MANAGER;
			default -> Role.CUSTOMER;
		};
		return new Sender(node.path("name").asString(""), r);
	}

	public static List<LabelledItem> read(java.nio.file.Path file, tools.jackson.databind.ObjectMapper mapper)
			throws java.io.IOException {
		var items = new ArrayList<LabelledItem>();
		ZonedDateTime now = ZonedDateTime.now();
		for (String line : java.nio.file.Files.readAllLines(file)) {
			if (!line.isBlank()) {
				items.add(from(mapper.readTree(line), now));
			}
		}
		return items;
	}
}

package com.whatsappflowhub.integrations.slack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Block Kit's structure and limits as Slack's reference (docs.slack.dev/reference/block-kit) states them, for the
 * blocks and elements we use, because Slack publishes no schema for them and its Web API document types
 * {@code blocks} as a string: known block types with only their own fields, at most 50 blocks in a message and 100
 * in a modal, a header's plain text at most 150 characters, a section's text 3,000 and its fields 10 of at most 2,000,
 * a context at most 10 elements, an actions block at most 25, a button's text plain text of at most 75, its
 * {@code action_id} at most 255 and unique, {@code value} at most 2,000, {@code url} at most 3,000, {@code style}
 * {@code primary} or {@code danger}; a modal's title, submit and close plain text of at most 24, input blocks with a
 * label (2,000) and one element, {@code private_metadata} at most 3,000. What Slack would answer
 * {@code invalid_blocks} to is collected as problems.
 */
final class BlockKit {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Map<String, Set<String>> BLOCK_FIELDS = Map.of("header", Set.of("type", "block_id", "text"),
			"section", Set.of("type", "block_id", "text", "fields", "accessory", "expand"), "context",
			Set.of("type", "block_id", "elements"), "actions", Set.of("type", "block_id", "elements"), "divider",
			Set.of("type", "block_id"), "input",
			Set.of("type", "block_id", "label", "element", "hint", "optional", "dispatch_action"));

	private static final Set<String> BUTTON_FIELDS = Set.of("type", "action_id", "text", "value", "url", "style",
			"confirm", "accessibility_label");

	private static final Set<String> USERS_SELECT_FIELDS = Set.of("type", "action_id", "placeholder", "initial_user",
			"confirm", "focus_on_load");

	private BlockKit() {
	}

	/** Problems of a message's {@code blocks} (the JSON text of the form argument). */
	static List<String> message(String where, String blocks) {
		List<String> problems = new ArrayList<>();
		JsonNode parsed = parse(where, blocks, problems);
		if (parsed != null) {
			blocks(where, parsed, 50, false, problems);
		}
		return problems;
	}

	/** Problems of a modal's {@code view} (the JSON text of {@code views.open}'s argument). */
	static List<String> modal(String where, String view) {
		List<String> problems = new ArrayList<>();
		JsonNode parsed = parse(where, view, problems);
		if (parsed == null) {
			return problems;
		}
		if (!parsed.isObject() || !"modal".equals(parsed.path("type").asString(""))) {
			problems.add(where + ": a view of type modal is expected");
			return problems;
		}
		Set<String> allowed = Set.of("type", "title", "blocks", "close", "submit", "private_metadata", "callback_id",
				"clear_on_close", "notify_on_close", "external_id", "submit_disabled");
		parsed.propertyNames().forEach(name -> {
			if (!allowed.contains(name)) {
				problems.add(where + ": a modal has no field " + name);
			}
		});
		plain(where + ".title", parsed.path("title"), 24, true, problems);
		plain(where + ".close", parsed.path("close"), 24, false, problems);
		plain(where + ".submit", parsed.path("submit"), 24, false, problems);
		if (parsed.path("private_metadata").asString("").length() > 3000) {
			problems.add(where + ": private_metadata is longer than 3000");
		}
		if (parsed.path("callback_id").asString("").length() > 255) {
			problems.add(where + ": callback_id is longer than 255");
		}
		boolean inputs = blocks(where, parsed.path("blocks"), 100, true, problems);
		if (inputs && parsed.path("submit").isMissingNode()) {
			problems.add(where + ": a modal with input blocks needs a submit button");
		}
		return problems;
	}

	private static JsonNode parse(String where, String text, List<String> problems) {
		try {
			return JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			problems.add(where + ": not JSON: " + ex.getMessage());
			return null;
		}
	}

	/** @return whether there are input blocks */
	private static boolean blocks(String where, JsonNode blocks, int max, boolean modal, List<String> problems) {
		if (!blocks.isArray() || blocks.isEmpty()) {
			problems.add(where + ": blocks must be a non-empty array");
			return false;
		}
		if (blocks.size() > max) {
			problems.add(where + ": " + blocks.size() + " blocks, at most " + max);
		}
		Set<String> blockIds = new HashSet<>();
		Set<String> actionIds = new HashSet<>();
		boolean inputs = false;
		for (int i = 0; i < blocks.size(); i++) {
			JsonNode block = blocks.get(i);
			String at = where + "[" + i + "]";
			String type = block.path("type").asString("");
			Set<String> fields = BLOCK_FIELDS.get(type);
			if (fields == null || (type.equals("input") && !modal)) {
				problems.add(at + ": unknown block type " + type);
				continue;
			}
			block.propertyNames().forEach(name -> {
				if (!fields.contains(name)) {
					problems.add(at + ": a " + type + " block has no field " + name);
				}
			});
			if (block.has("block_id")) {
				String id = block.path("block_id").asString("");
				if (id.isEmpty() || id.length() > 255 || !blockIds.add(id)) {
					problems.add(at + ": block_id must be 1 to 255 characters and unique, is " + id);
				}
			}
			switch (type) {
				case "header" -> plain(at + ".text", block.path("text"), 150, true, problems);
				case "section" -> {
					if (!block.has("text") && !block.has("fields")) {
						problems.add(at + ": a section needs text or fields");
					}
					if (block.has("text")) {
						text(at + ".text", block.path("text"), 3000, problems);
					}
					if (block.has("fields")) {
						JsonNode list = block.path("fields");
						if (!list.isArray() || list.isEmpty() || list.size() > 10) {
							problems.add(at + ".fields: 1 to 10 text objects");
						}
						for (int f = 0; f < list.size(); f++) {
							text(at + ".fields[" + f + "]", list.get(f), 2000, problems);
						}
					}
				}
				case "context" -> {
					JsonNode elements = block.path("elements");
					if (!elements.isArray() || elements.isEmpty() || elements.size() > 10) {
						problems.add(at + ".elements: 1 to 10 elements");
					}
					for (int e = 0; e < elements.size(); e++) {
						text(at + ".elements[" + e + "]", elements.get(e), 3000, problems);
					}
				}
				case "actions" -> {
					JsonNode elements = block.path("elements");
					if (!elements.isArray() || elements.isEmpty() || elements.size() > 25) {
						problems.add(at + ".elements: 1 to 25 elements");
					}
					for (int e = 0; e < elements.size(); e++) {
						button(at + ".elements[" + e + "]", elements.get(e), actionIds, problems);
					}
				}
				case "input" -> {
					inputs = true;
					plain(at + ".label", block.path("label"), 2000, true, problems);
					JsonNode element = block.path("element");
					if (!"users_select".equals(element.path("type").asString(""))) {
						problems.add(at + ".element: only users_select is checked here, got " + element.path("type"));
					}
					else {
						element.propertyNames().forEach(name -> {
							if (!USERS_SELECT_FIELDS.contains(name)) {
								problems.add(at + ".element: a users_select has no field " + name);
							}
						});
						actionId(at + ".element", element, actionIds, problems);
						if (element.has("placeholder")) {
							plain(at + ".element.placeholder", element.path("placeholder"), 150, true, problems);
						}
					}
				}
				default -> {
				}
			}
		}
		return inputs;
	}

	private static void button(String at, JsonNode button, Set<String> actionIds, List<String> problems) {
		if (!"button".equals(button.path("type").asString(""))) {
			problems.add(at + ": only buttons are checked here, got " + button.path("type"));
			return;
		}
		button.propertyNames().forEach(name -> {
			if (!BUTTON_FIELDS.contains(name)) {
				problems.add(at + ": a button has no field " + name);
			}
		});
		plain(at + ".text", button.path("text"), 75, true, problems);
		actionId(at, button, actionIds, problems);
		if (button.path("value").asString("").length() > 2000) {
			problems.add(at + ": value is longer than 2000");
		}
		if (button.has("url")) {
			String url = button.path("url").asString("");
			if (url.length() > 3000 || !url.matches("https?://.+")) {
				problems.add(at + ": url must be an http(s) URL of at most 3000 characters, is " + url);
			}
		}
		if (button.has("style") && !button.path("style").asString("").matches("primary|danger")) {
			problems.add(at + ": style must be primary or danger");
		}
	}

	private static void actionId(String at, JsonNode element, Set<String> actionIds, List<String> problems) {
		String id = element.path("action_id").asString("");
		if (element.has("action_id") && (id.isEmpty() || id.length() > 255 || !actionIds.add(id))) {
			problems.add(at + ": action_id must be 1 to 255 characters and unique, is " + id);
		}
	}

	private static void plain(String at, JsonNode text, int max, boolean required, List<String> problems) {
		if (text.isMissingNode()) {
			if (required) {
				problems.add(at + ": missing");
			}
			return;
		}
		if (!"plain_text".equals(text.path("type").asString(""))) {
			problems.add(at + ": must be plain_text");
		}
		text(at, text, max, problems);
	}

	private static void text(String at, JsonNode text, int max, List<String> problems) {
		String type = text.path("type").asString("");
		if (!type.equals("plain_text") && !type.equals("mrkdwn")) {
			problems.add(at + ": a text object is plain_text or mrkdwn, is " + type);
		}
		Set<String> allowed = type.equals("plain_text") ? Set.of("type", "text", "emoji")
				: Set.of("type", "text", "verbatim");
		text.propertyNames().forEach(name -> {
			if (!allowed.contains(name)) {
				problems.add(at + ": a " + type + " text has no field " + name);
			}
		});
		String value = text.path("text").asString("");
		if (value.isEmpty() || value.length() > max) {
			problems.add(at + ": text must be 1 to " + max + " characters, has " + value.length());
		}
	}
}

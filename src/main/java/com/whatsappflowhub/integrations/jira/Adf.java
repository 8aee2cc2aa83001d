package com.whatsappflowhub.integrations.jira;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.whatsappflowhub.integrations.SyncTask;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Atlassian Document Format for what we write into Jira (descriptions, comments): paragraphs, a quote of the
 * WhatsApp message, a link back to the task. Only nodes of ADF's published schema; text nodes are never empty.
 */
final class Adf {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

	private final JsonMapper json;

	Adf(JsonMapper json) {
		this.json = json;
	}

	ObjectNode description(SyncTask task) {
		List<ObjectNode> blocks = new ArrayList<>();
		String description = task.task().description();
		if (description != null && !description.isBlank()) {
			paragraphs(description).forEach(blocks::add);
		}
		if (task.source() != null) {
			ObjectNode quote = node("blockquote");
			ArrayNode quoted = quote.putArray("content");
			paragraphs(task.source().text()).forEach(quoted::add);
			blocks.add(paragraph(text("WhatsApp message from " + task.source().sender() + ", "
					+ WHEN.format(task.source().at().atZone(task.zone())) + " (" + task.zone().getId() + "):")));
			blocks.add(quote);
		}
		ObjectNode link = text("Open the task in WhatsAppFlowHub");
		ObjectNode mark = link.putArray("marks").addObject();
		mark.put("type", "link");
		mark.putObject("attrs").put("href", task.taskUrl());
		blocks.add(paragraph(link));
		return document(blocks);
	}

	ObjectNode comment(String author, String body) {
		List<ObjectNode> blocks = new ArrayList<>();
		ObjectNode who = text(author + " wrote in WhatsAppFlowHub:");
		who.putArray("marks").addObject().put("type", "em");
		blocks.add(paragraph(who));
		paragraphs(body).forEach(blocks::add);
		return document(blocks);
	}

	private ObjectNode document(List<ObjectNode> blocks) {
		ObjectNode doc = json.createObjectNode();
		doc.put("type", "doc");
		doc.put("version", 1);
		ArrayNode content = doc.putArray("content");
		blocks.forEach(content::add);
		return doc;
	}

	private List<ObjectNode> paragraphs(String text) {
		List<ObjectNode> paragraphs = new ArrayList<>();
		for (String part : text.strip().split("\\R\\s*\\R")) {
			if (part.isBlank()) {
				continue;
			}
			ObjectNode paragraph = node("paragraph");
			ArrayNode content = paragraph.putArray("content");
			String[] lines = part.strip().split("\\R");
			for (int i = 0; i < lines.length; i++) {
				if (i > 0) {
					content.add(node("hardBreak"));
				}
				if (!lines[i].isEmpty()) {
					content.add(text(lines[i]));
				}
			}
			paragraphs.add(paragraph);
		}
		if (paragraphs.isEmpty()) {
			paragraphs.add(paragraph(text("(empty)")));
		}
		return paragraphs;
	}

	private ObjectNode paragraph(ObjectNode inline) {
		ObjectNode paragraph = node("paragraph");
		paragraph.putArray("content").add(inline);
		return paragraph;
	}

	private ObjectNode text(String value) {
		ObjectNode text = node("text");
		text.put("text", value.isEmpty() ? " " : value);
		return text;
	}

	private ObjectNode node(String type) {
		ObjectNode node = json.createObjectNode();
		node.put("type", type);
		return node;
	}
}

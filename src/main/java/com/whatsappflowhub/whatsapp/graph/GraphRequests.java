package com.whatsappflowhub.whatsapp.graph;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies of the messages endpoint, as the Cloud API (and its OpenAPI contract) define them. */
final class GraphRequests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private GraphRequests() {
	}

	static ObjectNode message(OutboundMessage message) {
		ObjectNode root = NODES.objectNode();
		root.put("messaging_product", "whatsapp");
		root.put("recipient_type", "individual");
		root.put("to", message.to());
		String replyTo = message.replyTo();
		if (replyTo != null) {
			root.putObject("context").put("message_id", replyTo);
		}
		if (message instanceof OutboundMessage.Text text) {
			root.put("type", "text");
			ObjectNode body = root.putObject("text");
			body.put("body", text.body());
			body.put("preview_url", text.previewUrl());
		}
		else if (message instanceof OutboundMessage.Template template) {
			root.put("type", "template");
			ObjectNode body = root.putObject("template");
			body.put("name", template.name());
			ObjectNode language = body.putObject("language");
			language.put("policy", "deterministic");
			language.put("code", template.languageCode());
			if (!template.components().isEmpty()) {
				ArrayNode components = body.putArray("components");
				for (TemplateComponent component : template.components()) {
					components.add(component(component));
				}
			}
		}
		else if (message instanceof OutboundMessage.ReplyButtons buttons) {
			root.put("type", "interactive");
			ObjectNode interactive = interactive(root, "button", buttons.header(), buttons.body(), buttons.footer());
			ArrayNode list = interactive.putObject("action").putArray("buttons");
			for (OutboundMessage.Button button : buttons.buttons()) {
				ObjectNode item = list.addObject();
				item.put("type", "reply");
				ObjectNode reply = item.putObject("reply");
				reply.put("id", button.id());
				reply.put("title", button.title());
			}
		}
		else if (message instanceof OutboundMessage.ListMessage list) {
			root.put("type", "interactive");
			ObjectNode interactive = interactive(root, "list", list.header(), list.body(), list.footer());
			ObjectNode action = interactive.putObject("action");
			action.put("button", list.buttonText());
			ArrayNode sections = action.putArray("sections");
			for (OutboundMessage.Section section : list.sections()) {
				ObjectNode s = sections.addObject();
				s.put("title", section.title());
				ArrayNode rows = s.putArray("rows");
				for (OutboundMessage.Row row : section.rows()) {
					ObjectNode r = rows.addObject();
					r.put("id", row.id());
					r.put("title", row.title());
					if (row.description() != null) {
						r.put("description", row.description());
					}
				}
			}
		}
		else if (message instanceof OutboundMessage.Reaction reaction) {
			root.put("type", "reaction");
			ObjectNode body = root.putObject("reaction");
			body.put("message_id", reaction.messageId());
			body.put("emoji", reaction.emoji());
		}
		return root;
	}

	static ObjectNode markAsRead(String messageId) {
		ObjectNode root = NODES.objectNode();
		root.put("messaging_product", "whatsapp");
		root.put("status", "read");
		root.put("message_id", messageId);
		return root;
	}

	private static ObjectNode interactive(ObjectNode root, String type, @Nullable String header, String body,
			@Nullable String footer) {
		ObjectNode interactive = root.putObject("interactive");
		interactive.put("type", type);
		if (header != null) {
			ObjectNode h = interactive.putObject("header");
			h.put("type", "text");
			h.put("text", header);
		}
		interactive.putObject("body").put("text", body);
		if (footer != null) {
			interactive.putObject("footer").put("text", footer);
		}
		return interactive;
	}

	private static ObjectNode component(TemplateComponent component) {
		ObjectNode node = NODES.objectNode();
		if (component instanceof TemplateComponent.Header) {
			node.put("type", "header");
		}
		else if (component instanceof TemplateComponent.Body) {
			node.put("type", "body");
		}
		else if (component instanceof TemplateComponent.Button button) {
			node.put("type", "button");
			node.put("sub_type", button.subType());
			node.put("index", String.valueOf(button.index()));
		}
		ArrayNode parameters = node.putArray("parameters");
		for (TemplateComponent.Parameter parameter : component.parameters()) {
			ObjectNode p = parameters.addObject();
			if (parameter instanceof TemplateComponent.Text text) {
				p.put("type", "text");
				p.put("text", text.text());
			}
			else if (parameter instanceof TemplateComponent.Payload payload) {
				p.put("type", "payload");
				p.put("payload", payload.payload());
			}
			else if (parameter instanceof TemplateComponent.Media media) {
				p.put("type", media.kind());
				p.putObject(media.kind()).put("link", media.link());
			}
		}
		return node;
	}
}

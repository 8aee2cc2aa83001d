package com.whatsappflowhub.whatsapp.webhook;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.whatsapp.Delivery;
import com.whatsappflowhub.whatsapp.DeliveryItem;
import com.whatsappflowhub.whatsapp.OtherEvent;
import com.whatsappflowhub.whatsapp.Route;

/**
 * Turns a raw webhook body into a {@link Delivery}: every {@code entry}, every {@code change}, every message, status
 * and event, in order. Never throws for what Meta may send: a body that is not a delivery comes back as a
 * {@link WebhookParseResult} naming why, and an element this code cannot read is kept as an {@link OtherEvent} with
 * its raw JSON. Stateless and thread-safe.
 */
public final class WebhookParser {

	static final String WHATSAPP_BUSINESS_ACCOUNT = "whatsapp_business_account";

	private static final String MESSAGES_FIELD = "messages";

	/** Arrays whose elements are events of their own in fields other than {@code messages}. */
	private static final List<String> EVENT_ARRAYS = List.of("calls", "statuses", "message_echoes", "user_preferences");

	private final JsonMapper mapper;

	private final MessageNormaliser messages;

	public WebhookParser(JsonMapper mapper) {
		this.mapper = mapper;
		this.messages = new MessageNormaliser(mapper);
	}

	public WebhookParser() {
		this(JsonMapper.shared());
	}

	/** Parses the exact bytes of a webhook body (check the signature first). */
	public WebhookParseResult parse(byte[] body) {
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return new WebhookParseResult.MalformedJson(ex.getOriginalMessage());
		}
		if (root == null || root.isMissingNode() || !root.isObject()) {
			return new WebhookParseResult.NotAWhatsAppDelivery("the body is not a JSON object");
		}
		root = withoutNul(root);
		String object = Json.text(root, "object");
		if (!WHATSAPP_BUSINESS_ACCOUNT.equals(object)) {
			return new WebhookParseResult.NotAWhatsAppDelivery(
					"object is " + (object == null ? "missing" : "'" + object + "'") + ", not "
							+ WHATSAPP_BUSINESS_ACCOUNT);
		}
		JsonNode entries = root.path("entry");
		if (!entries.isArray() || entries.isEmpty()) {
			return new WebhookParseResult.NotAWhatsAppDelivery("entry is missing or empty");
		}
		List<DeliveryItem> items = new ArrayList<>();
		int entryIndex = 0;
		for (JsonNode entry : entries) {
			String entryId = Json.text(entry, "id");
			JsonNode changes = entry.path("changes");
			if (!entry.isObject() || entryId == null || !changes.isArray()) {
				return new WebhookParseResult.NotAWhatsAppDelivery(
						"entry[" + entryIndex + "] needs an id and a changes array");
			}
			int changeIndex = 0;
			for (JsonNode change : changes) {
				String field = Json.text(change, "field");
				JsonNode value = change.path("value");
				if (field == null || !value.isObject()) {
					return new WebhookParseResult.NotAWhatsAppDelivery("entry[" + entryIndex + "].changes["
							+ changeIndex + "] needs a field and an object value");
				}
				JsonNode metadata = value.path("metadata");
				Route route = new Route(entryId, field, Json.text(metadata, "phone_number_id"),
						Json.text(metadata, "display_phone_number"));
				if (MESSAGES_FIELD.equals(field)) {
					readMessagesChange(route, value, items);
				}
				else {
					readOtherChange(route, value, items);
				}
				changeIndex++;
			}
			entryIndex++;
		}
		return new WebhookParseResult.Parsed(new Delivery(WHATSAPP_BUSINESS_ACCOUNT, items));
	}

	/**
	 * PostgreSQL stores no U+0000 in text or jsonb: one in a customer's text, a profile name or any other string would
	 * fail the whole delivery (a 500 that Meta retries for days, then drops with every good item batched with it).
	 * The character carries nothing a person wrote, so it is removed from every string and key before anything is read;
	 * the signed raw bytes are kept as they came.
	 */
	static JsonNode withoutNul(JsonNode node) {
		if (node.isString()) {
			String text = node.asString();
			return text.indexOf('\u0000') < 0 ? node : tools.jackson.databind.node.JsonNodeFactory.instance
				.stringNode(text.replace("\u0000", ""));
		}
		if (node instanceof tools.jackson.databind.node.ObjectNode object) {
			tools.jackson.databind.node.ObjectNode clean = null;
			for (java.util.Map.Entry<String, JsonNode> property : object.properties()) {
				JsonNode value = withoutNul(property.getValue());
				if (value != property.getValue() || property.getKey().indexOf('\u0000') >= 0) {
					clean = object.deepCopy();
					break;
				}
			}
			if (clean == null) {
				return node;
			}
			tools.jackson.databind.node.ObjectNode rebuilt = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
			for (java.util.Map.Entry<String, JsonNode> property : clean.properties()) {
				rebuilt.set(property.getKey().replace("\u0000", ""), withoutNul(property.getValue()));
			}
			return rebuilt;
		}
		if (node instanceof tools.jackson.databind.node.ArrayNode array) {
			tools.jackson.databind.node.ArrayNode rebuilt = null;
			for (int i = 0; i < array.size(); i++) {
				JsonNode value = withoutNul(array.get(i));
				if (value != array.get(i)) {
					if (rebuilt == null) {
						rebuilt = array.deepCopy();
					}
					rebuilt.set(i, value);
				}
			}
			return rebuilt == null ? node : rebuilt;
		}
		return node;
	}

	private void readMessagesChange(Route route, JsonNode value, List<DeliveryItem> items) {
		JsonNode contacts = value.path("contacts");
		JsonNode changeErrors = value.path("errors");
		boolean any = false;
		for (JsonNode message : value.path("messages")) {
			items.add(messages.message(route, message, contacts, changeErrors));
			any = true;
		}
		for (JsonNode status : value.path("statuses")) {
			items.add(messages.status(route, status));
			any = true;
		}
		if (!any) {
			// a change with only errors, or a shape Meta adds later: recorded, not dropped
			String eventType = changeErrors.isArray() && !changeErrors.isEmpty() ? "errors" : route.field();
			items.add(new OtherEvent(route, eventType, raw(value)));
		}
	}

	private void readOtherChange(Route route, JsonNode value, List<DeliveryItem> items) {
		boolean any = false;
		for (String array : EVENT_ARRAYS) {
			for (JsonNode element : value.path(array)) {
				items.add(new OtherEvent(route, eventTypeOf(element, route.field()), raw(element)));
				any = true;
			}
		}
		JsonNode errors = value.path("errors");
		if (any && errors.isArray() && !errors.isEmpty()) {
			items.add(new OtherEvent(route, "errors", raw(value)));
		}
		if (!any) {
			items.add(new OtherEvent(route, eventTypeOf(value, route.field()), raw(value)));
		}
	}

	private static String eventTypeOf(JsonNode node, String fallback) {
		for (String name : List.of("event", "status", "type", "value")) {
			String type = Json.text(node, name);
			if (type != null && !type.isBlank()) {
				return type;
			}
		}
		return fallback;
	}

	private String raw(JsonNode node) {
		return mapper.writeValueAsString(node);
	}

	/** Convenience for tests and tools: the delivery, or {@code null} if the body is not one. */
	@Nullable
	public Delivery deliveryOrNull(byte[] body) {
		return parse(body) instanceof WebhookParseResult.Parsed parsed ? parsed.delivery() : null;
	}
}

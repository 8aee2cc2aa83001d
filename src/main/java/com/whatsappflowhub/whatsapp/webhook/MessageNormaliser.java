package com.whatsappflowhub.whatsapp.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.whatsapp.DeliveryItem;
import com.whatsappflowhub.whatsapp.InboundMessage;
import com.whatsappflowhub.whatsapp.MessageContent;
import com.whatsappflowhub.whatsapp.MessageContext;
import com.whatsappflowhub.whatsapp.MessageStatus;
import com.whatsappflowhub.whatsapp.OtherEvent;
import com.whatsappflowhub.whatsapp.Referral;
import com.whatsappflowhub.whatsapp.Route;
import com.whatsappflowhub.whatsapp.Sender;
import com.whatsappflowhub.whatsapp.StatusUpdate;
import com.whatsappflowhub.whatsapp.WhatsAppError;

/** Normalises the elements of a {@code messages} change: inbound messages and statuses. */
final class MessageNormaliser {

	private final JsonMapper mapper;

	MessageNormaliser(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * An inbound message, or an {@link OtherEvent} {@code unreadable_message} when it has no id or sender.
	 *
	 * @param contacts the change's {@code contacts} (profile names)
	 * @param changeErrors the change's {@code errors}, which Meta puts there for messages it could not render
	 */
	DeliveryItem message(Route route, JsonNode message, JsonNode contacts, JsonNode changeErrors) {
		String raw = raw(message);
		String id = Json.text(message, "id");
		Optional<Sender> sender = sender(message, contacts);
		if (id == null || sender.isEmpty()) {
			return new OtherEvent(route, "unreadable_message", raw);
		}
		return new InboundMessage(route, id, sender.get(), Json.epochSeconds(message, "timestamp"),
				context(message.path("context")), referral(message.path("referral")),
				content(message, changeErrors), raw);
	}

	/** A status update, or an {@link OtherEvent} for statuses this code does not know (kept raw). */
	DeliveryItem status(Route route, JsonNode status) {
		String raw = raw(status);
		String id = Json.text(status, "id");
		String value = Json.text(status, "status");
		Optional<MessageStatus> known = value == null ? Optional.empty() : MessageStatus.fromWebhook(value);
		if (id == null || known.isEmpty() || known.get() == MessageStatus.ACCEPTED) {
			return new OtherEvent(route, "status:" + (value == null ? "unknown" : value), raw);
		}
		String recipient = Json.text(status, "recipient_id");
		return new StatusUpdate(route, id, known.get(), Json.epochSeconds(status, "timestamp"),
				recipient == null ? "" : recipient, Json.text(status, "recipient_type"), errors(status.path("errors")),
				conversation(status), Json.text(status, "biz_opaque_callback_data"), raw);
	}

	private static Optional<Sender> sender(JsonNode message, JsonNode contacts) {
		String from = Json.text(message, "from");
		String fromUserId = Json.text(message, "from_user_id");
		JsonNode contact = matchingContact(contacts, from, fromUserId);
		String waId = from != null ? from : Json.text(contact, "wa_id");
		if (waId == null) {
			waId = fromUserId;
		}
		if (waId == null) {
			return Optional.empty();
		}
		String userId = fromUserId != null ? fromUserId : Json.text(contact, "user_id");
		return Optional.of(new Sender(waId, Json.text(contact.path("profile"), "name"), userId));
	}

	/** The contact of the sender: by wa_id, then by user id, then the only contact of the change. */
	private static JsonNode matchingContact(JsonNode contacts, @Nullable String from, @Nullable String fromUserId) {
		for (JsonNode contact : contacts) {
			if (from != null && from.equals(Json.text(contact, "wa_id"))) {
				return contact;
			}
			if (fromUserId != null && fromUserId.equals(Json.text(contact, "user_id"))) {
				return contact;
			}
		}
		return contacts.isArray() && contacts.size() == 1 ? contacts.get(0) : contacts.path("none");
	}

	private static MessageContext context(JsonNode context) {
		if (context.isMissingNode()) {
			return MessageContext.NONE;
		}
		return new MessageContext(Json.text(context, "id"), Json.text(context, "from"),
				Json.flag(context, "forwarded"), Json.flag(context, "frequently_forwarded"));
	}

	private static @Nullable Referral referral(JsonNode r) {
		if (!r.isObject()) {
			return null;
		}
		return new Referral(Json.text(r, "source_url"), Json.text(r, "source_id"), Json.text(r, "source_type"),
				Json.text(r, "headline"), Json.text(r, "body"), Json.text(r, "media_type"),
				Json.text(r, "image_url"), Json.text(r, "video_url"), Json.text(r, "thumbnail_url"),
				Json.text(r, "ctwa_clid"));
	}

	/** The content of a message (or of the new version of an edited message). */
	MessageContent content(JsonNode message, JsonNode changeErrors) {
		String type = Json.text(message, "type");
		if (type == null) {
			return new MessageContent.Unknown("", raw(message));
		}
		try {
			return switch (type) {
				case "text" -> new MessageContent.Text(required(message.path("text"), "body"));
				case "image" -> new MessageContent.Image(media(message.path("image")));
				case "video" -> new MessageContent.Video(media(message.path("video")));
				case "document" -> new MessageContent.Document(media(message.path("document")));
				case "audio" -> Json.flag(message.path("audio"), "voice")
						? new MessageContent.Voice(media(message.path("audio")))
						: new MessageContent.Audio(media(message.path("audio")));
				case "voice" -> new MessageContent.Voice(media(message.path("voice")));
				case "sticker" -> new MessageContent.Sticker(media(message.path("sticker")),
						Json.flag(message.path("sticker"), "animated"));
				case "location" -> location(message.path("location"));
				case "contacts" -> contacts(message.path("contacts"));
				case "reaction" -> reaction(message.path("reaction"));
				case "interactive" -> interactive(message, changeErrors);
				case "button" -> new MessageContent.TemplateQuickReply(required(message.path("button"), "payload"),
						required(message.path("button"), "text"));
				case "order" -> order(message.path("order"));
				case "edit" -> new MessageContent.Edit(required(message.path("edit"), "original_message_id"),
						content(message.path("edit").path("message"), changeErrors));
				case "revoke" -> new MessageContent.Revoke(required(message.path("revoke"), "original_message_id"));
				case "system" -> system(message);
				case "unsupported", "unknown" -> new MessageContent.Unsupported(type,
						Json.text(message.path("unsupported"), "type"), errorsOf(message, changeErrors));
				default -> new MessageContent.Unknown(type, raw(message));
			};
		}
		catch (MissingField ex) {
			return new MessageContent.Unknown(type, raw(message));
		}
	}

	private static MessageContent.Media media(JsonNode media) {
		return new MessageContent.Media(required(media, "id"), Json.text(media, "mime_type"),
				Json.text(media, "sha256"), Json.text(media, "caption"), Json.text(media, "filename"),
				Json.text(media, "url"));
	}

	private static MessageContent location(JsonNode location) {
		Double latitude = Json.number(location, "latitude");
		Double longitude = Json.number(location, "longitude");
		if (latitude == null || longitude == null) {
			throw new MissingField("location.latitude/longitude");
		}
		return new MessageContent.Location(latitude, longitude, Json.text(location, "name"),
				Json.text(location, "address"), Json.text(location, "url"));
	}

	private static MessageContent contacts(JsonNode contacts) {
		List<MessageContent.SharedContact> shared = new ArrayList<>();
		for (JsonNode contact : contacts) {
			List<MessageContent.SharedPhone> phones = new ArrayList<>();
			for (JsonNode phone : contact.path("phones")) {
				String number = Json.text(phone, "phone");
				if (number != null) {
					phones.add(new MessageContent.SharedPhone(number, Json.text(phone, "wa_id"),
							Json.text(phone, "type")));
				}
			}
			shared.add(new MessageContent.SharedContact(Json.text(contact.path("name"), "formatted_name"), phones));
		}
		return new MessageContent.Contacts(shared);
	}

	private static MessageContent reaction(JsonNode reaction) {
		String reacted = required(reaction, "message_id");
		String emoji = Json.text(reaction, "emoji");
		return emoji == null || emoji.isEmpty() ? new MessageContent.Unreaction(reacted)
				: new MessageContent.Reaction(reacted, emoji);
	}

	private MessageContent interactive(JsonNode message, JsonNode changeErrors) {
		JsonNode interactive = message.path("interactive");
		if (!interactive.isObject()) {
			// Meta could not render the interactive payload and says why in the change's errors
			return new MessageContent.Unsupported("interactive", null, errorsOf(message, changeErrors));
		}
		String kind = Json.text(interactive, "type");
		JsonNode reply = kind == null ? interactive.path("none") : interactive.path(kind);
		if ("button_reply".equals(kind)) {
			return new MessageContent.ButtonReply(required(reply, "id"), required(reply, "title"));
		}
		if ("list_reply".equals(kind)) {
			return new MessageContent.ListReply(required(reply, "id"), required(reply, "title"),
					Json.text(reply, "description"));
		}
		if ("nfm_reply".equals(kind)) {
			String response = required(reply, "response_json");
			return new MessageContent.FlowReply(Json.text(reply, "name"), Json.text(reply, "body"), response,
					flowToken(response));
		}
		if ("call_permission_reply".equals(kind)) {
			return new MessageContent.CallPermissionReply(required(reply, "response"),
					Json.text(reply, "response_source"), Json.epochSeconds(reply, "expiration_timestamp"));
		}
		return new MessageContent.Unknown("interactive", raw(message));
	}

	private @Nullable String flowToken(String responseJson) {
		try {
			return Json.text(mapper.readTree(responseJson), "flow_token");
		}
		catch (tools.jackson.core.JacksonException ex) {
			return null;
		}
	}

	private static MessageContent order(JsonNode order) {
		List<MessageContent.OrderItem> items = new ArrayList<>();
		for (JsonNode item : order.path("product_items")) {
			items.add(new MessageContent.OrderItem(required(item, "product_retailer_id"),
					item.path("quantity").asInt(0), Json.decimal(item, "item_price"), Json.text(item, "currency")));
		}
		return new MessageContent.Order(Json.text(order, "catalog_id"), Json.text(order, "text"), items);
	}

	private static MessageContent system(JsonNode message) {
		JsonNode system = message.path("system");
		return new MessageContent.SystemMessage(Json.text(system, "type"), Json.text(system, "body"),
				Json.text(system, "wa_id"), Json.text(message.path("identity"), "hash"));
	}

	private static StatusUpdate.@Nullable Conversation conversation(JsonNode status) {
		JsonNode conversation = status.path("conversation");
		JsonNode pricing = status.path("pricing");
		if (!conversation.isObject() && !pricing.isObject()) {
			return null;
		}
		return new StatusUpdate.Conversation(Json.text(conversation, "id"),
				Json.text(conversation.path("origin"), "type"), Json.epochSeconds(conversation, "expiration_timestamp"),
				Json.optionalFlag(pricing, "billable"), Json.text(pricing, "pricing_model"),
				Json.text(pricing, "category"));
	}

	/** The message's own errors, or else the change's. */
	private static List<WhatsAppError> errorsOf(JsonNode message, JsonNode changeErrors) {
		List<WhatsAppError> own = errors(message.path("errors"));
		return own.isEmpty() ? errors(changeErrors) : own;
	}

	static List<WhatsAppError> errors(JsonNode errors) {
		List<WhatsAppError> result = new ArrayList<>();
		for (JsonNode error : errors) {
			int code = error.path("code").asInt(0);
			String title = Json.text(error, "title");
			if (title == null) {
				title = Json.text(error, "message");
			}
			result.add(new WhatsAppError(code, title == null ? "" : title,
					Json.text(error.path("error_data"), "details")));
		}
		return result;
	}

	private static String required(JsonNode node, String field) {
		String value = Json.text(node, field);
		if (value == null) {
			throw new MissingField(field);
		}
		return value;
	}

	private String raw(JsonNode node) {
		return mapper.writeValueAsString(node);
	}

	/** A field a known message kind cannot do without; the message is then kept as {@code Unknown}. */
	private static final class MissingField extends RuntimeException {

		private static final long serialVersionUID = 1L;

		MissingField(String field) {
			super(field, null, false, false);
		}
	}
}

package com.whatsappflowhub.whatsapp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an inbound message holds: one record per kind WhatsApp delivers. Kinds WhatsApp adds later arrive as
 * {@link Unknown} with their raw JSON, so nothing is dropped.
 */
public sealed interface MessageContent {

	/** The {@code type} of the message as WhatsApp named it (e.g. {@code text}, {@code interactive}). */
	String type();

	/** A text message. */
	record Text(String body) implements MessageContent {
		@Override
		public String type() {
			return "text";
		}
	}

	/**
	 * A media object of an inbound message: the id to download it with, and what Meta tells about it.
	 *
	 * @param mediaId the Graph API media id
	 * @param sha256 the hash Meta gives (base64 in webhooks)
	 * @param url a direct media URL, present in some deliveries; the id is what downloads rely on
	 */
	record Media(String mediaId, @Nullable String mimeType, @Nullable String sha256, @Nullable String caption,
			@Nullable String filename, @Nullable String url) {
	}

	/** A message carrying one media object. */
	sealed interface WithMedia extends MessageContent permits Image, Video, Audio, Voice, Document, Sticker {
		Media media();
	}

	record Image(Media media) implements WithMedia {
		@Override
		public String type() {
			return "image";
		}
	}

	record Video(Media media) implements WithMedia {
		@Override
		public String type() {
			return "video";
		}
	}

	/** An audio file sent as a file ({@code audio.voice = false}). */
	record Audio(Media media) implements WithMedia {
		@Override
		public String type() {
			return "audio";
		}
	}

	/** A voice note recorded in WhatsApp ({@code audio.voice = true}). */
	record Voice(Media media) implements WithMedia {
		@Override
		public String type() {
			return "audio";
		}
	}

	record Document(Media media) implements WithMedia {
		@Override
		public String type() {
			return "document";
		}
	}

	record Sticker(Media media, boolean animated) implements WithMedia {
		@Override
		public String type() {
			return "sticker";
		}
	}

	/** A location, either the current one or a chosen place (with name, address and url). */
	record Location(double latitude, double longitude, @Nullable String name, @Nullable String address,
			@Nullable String url) implements MessageContent {
		@Override
		public String type() {
			return "location";
		}
	}

	/** Contact cards shared in the chat. */
	record Contacts(List<SharedContact> contacts) implements MessageContent {
		public Contacts {
			contacts = List.copyOf(contacts);
		}

		@Override
		public String type() {
			return "contacts";
		}
	}

	record SharedContact(@Nullable String formattedName, List<SharedPhone> phones) {
		public SharedContact {
			phones = List.copyOf(phones);
		}
	}

	record SharedPhone(String phone, @Nullable String waId, @Nullable String type) {
	}

	/** The customer tapped a reply button of an interactive message ({@code interactive.button_reply}). */
	record ButtonReply(String replyId, String title) implements MessageContent {
		@Override
		public String type() {
			return "interactive";
		}
	}

	/** The customer chose a row of an interactive list ({@code interactive.list_reply}). */
	record ListReply(String replyId, String title, @Nullable String description) implements MessageContent {
		@Override
		public String type() {
			return "interactive";
		}
	}

	/** The customer tapped a quick-reply button of a template ({@code button}: payload and text). */
	record TemplateQuickReply(String payload, String text) implements MessageContent {
		@Override
		public String type() {
			return "button";
		}
	}

	/** The customer completed a WhatsApp Flow ({@code interactive.nfm_reply}). */
	record FlowReply(@Nullable String name, @Nullable String body, String responseJson, @Nullable String flowToken)
			implements MessageContent {
		@Override
		public String type() {
			return "interactive";
		}
	}

	/** The customer answered a call-permission request ({@code interactive.call_permission_reply}). */
	record CallPermissionReply(String response, @Nullable String responseSource, @Nullable Instant expiresAt)
			implements MessageContent {
		@Override
		public String type() {
			return "interactive";
		}
	}

	/** A reaction to one of the chat's messages. */
	record Reaction(String reactedMessageId, String emoji) implements MessageContent {
		@Override
		public String type() {
			return "reaction";
		}
	}

	/** A reaction taken back: WhatsApp sends a reaction with an empty or no emoji. */
	record Unreaction(String reactedMessageId) implements MessageContent {
		@Override
		public String type() {
			return "reaction";
		}
	}

	/** The customer edited one of their messages; {@code edited} is the new content. */
	record Edit(String originalMessageId, MessageContent edited) implements MessageContent {
		@Override
		public String type() {
			return "edit";
		}
	}

	/** The customer deleted one of their messages for everyone ({@code revoke}). */
	record Revoke(String originalMessageId) implements MessageContent {
		@Override
		public String type() {
			return "revoke";
		}
	}

	/** An order placed from a catalog. */
	record Order(@Nullable String catalogId, @Nullable String text, List<OrderItem> items) implements MessageContent {
		public Order {
			items = List.copyOf(items);
		}

		@Override
		public String type() {
			return "order";
		}
	}

	record OrderItem(String productRetailerId, int quantity, @Nullable BigDecimal itemPrice,
			@Nullable String currency) {
	}

	/**
	 * A message WhatsApp could not pass on (type {@code unsupported}, or an interactive message without its payload).
	 *
	 * @param unsupportedType what the customer sent, when Meta says ({@code unsupported.type}, e.g. {@code poll})
	 * @param errors Meta's reasons, e.g. 131051
	 */
	record Unsupported(String type, @Nullable String unsupportedType, List<WhatsAppError> errors)
			implements MessageContent {
		public Unsupported {
			errors = List.copyOf(errors);
		}
	}

	/**
	 * A system message: the customer changed number ({@code user_changed_number}, with the new wa_id) or identity
	 * ({@code customer_identity_changed}).
	 */
	record SystemMessage(@Nullable String systemType, @Nullable String body, @Nullable String newWaId,
			@Nullable String identityHash) implements MessageContent {
		@Override
		public String type() {
			return "system";
		}
	}

	/** A kind this code does not know yet, kept whole. */
	record Unknown(String type, String rawJson) implements MessageContent {
	}
}

package com.whatsappflowhub.whatsapp.graph;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A message we send through {@code POST /{version}/{phone-number-id}/messages}. Only {@link Template}s may go out
 * outside the 24-hour customer-service window.
 */
public sealed interface OutboundMessage {

	/** The customer's wa_id (phone number). */
	String to();

	/** The wamid of the customer's message this one replies to, if any ({@code context.message_id}). */
	@Nullable
	String replyTo();

	default boolean isTemplate() {
		return false;
	}

	/** Free-form text, optionally with a link preview. */
	record Text(String to, String body, boolean previewUrl, @Nullable String replyTo) implements OutboundMessage {
		public Text {
			if (body.isBlank() || body.length() > 4096) {
				throw new GraphFailure.InvalidOutboundMessage("text body must have 1 to 4096 characters");
			}
		}
	}

	/**
	 * An approved template.
	 *
	 * @param languageCode e.g. {@code en_US}; sent with {@code policy: "deterministic"}
	 * @param components header, body and button parameters
	 */
	record Template(String to, String name, String languageCode, List<TemplateComponent> components,
			@Nullable String replyTo) implements OutboundMessage {
		public Template {
			components = List.copyOf(components);
		}

		@Override
		public boolean isTemplate() {
			return true;
		}
	}

	/** Up to three reply buttons under a body text. */
	record ReplyButtons(String to, @Nullable String header, String body, @Nullable String footer,
			List<Button> buttons, @Nullable String replyTo) implements OutboundMessage {
		public ReplyButtons {
			buttons = List.copyOf(buttons);
			if (buttons.isEmpty() || buttons.size() > 3) {
				throw new GraphFailure.InvalidOutboundMessage("reply buttons need 1 to 3 buttons");
			}
		}
	}

	/** A reply button: the id comes back in the customer's {@code button_reply}, with the title. */
	record Button(String id, String title) {
		public Button {
			if (title.isBlank() || title.length() > 20 || id.isBlank() || id.length() > 256) {
				throw new GraphFailure.InvalidOutboundMessage("a button needs an id (<= 256) and a title (1 to 20)");
			}
		}
	}

	/** An interactive list: a button that opens sections of rows. */
	record ListMessage(String to, @Nullable String header, String body, @Nullable String footer, String buttonText,
			List<Section> sections, @Nullable String replyTo) implements OutboundMessage {
		public ListMessage {
			sections = List.copyOf(sections);
			if (sections.isEmpty() || sections.size() > 10 || buttonText.isBlank() || buttonText.length() > 20) {
				throw new GraphFailure.InvalidOutboundMessage("a list needs 1 to 10 sections and a button text (1 to 20)");
			}
		}
	}

	record Section(String title, List<Row> rows) {
		public Section {
			rows = List.copyOf(rows);
		}
	}

	record Row(String id, String title, @Nullable String description) {
	}

	/** A reaction to a message of the chat; an empty emoji removes our reaction. */
	record Reaction(String to, String messageId, String emoji) implements OutboundMessage {
		@Override
		public @Nullable String replyTo() {
			return null;
		}
	}
}

package com.whatsappflowhub.whatsapp;

import java.util.List;

import com.whatsappflowhub.inbox.MessageId;
import org.jspecify.annotations.Nullable;

/**
 * A message to send into a conversation, as {@link Replies#send} takes it: free-form ones go out only inside the
 * customer's 24-hour window, a {@link Template} at any time. {@code replyTo} quotes a message of the same conversation.
 */
public sealed interface Reply permits Reply.Text, Reply.Template, Reply.Buttons, Reply.Choices, Reply.Reaction {

	/** Whether WhatsApp accepts it outside the 24-hour window. */
	default boolean isTemplate() {
		return this instanceof Template;
	}

	record Text(String body, boolean previewUrl, @Nullable MessageId replyTo) implements Reply {

		public Text(String body) {
			this(body, false, null);
		}
	}

	/**
	 * An approved template by name and language, with its variables' values.
	 *
	 * @param text what the conversation shows for it (the body as the customer reads it); its name when absent
	 */
	record Template(String name, String language, List<String> headerParameters, List<String> bodyParameters,
			List<TemplateButton> buttons, @Nullable String text, @Nullable MessageId replyTo) implements Reply {

		public Template {
			headerParameters = List.copyOf(headerParameters);
			bodyParameters = List.copyOf(bodyParameters);
			buttons = List.copyOf(buttons);
		}

		public Template(String name, String language, List<String> bodyParameters, @Nullable String text) {
			this(name, language, List.of(), bodyParameters, List.of(), text, null);
		}
	}

	/** @param subType {@code quick_reply} (payload) or {@code url} (text) */
	record TemplateButton(String subType, int index, String value) {
	}

	/** Up to three reply buttons. */
	record Buttons(@Nullable String header, String body, @Nullable String footer, List<Choice> buttons,
			@Nullable MessageId replyTo) implements Reply {
	}

	record Choice(String id, String title) {
	}

	/** A list message: a button that opens sections of rows. */
	record Choices(@Nullable String header, String body, @Nullable String footer, String buttonText,
			List<Section> sections, @Nullable MessageId replyTo) implements Reply {
	}

	record Section(String title, List<Row> rows) {
	}

	record Row(String id, String title, @Nullable String description) {
	}

	/** @param emoji empty removes our reaction */
	record Reaction(MessageId message, String emoji) implements Reply {
	}
}

package com.whatsappflowhub.whatsapp.outbound;

import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.whatsapp.Reply;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A message to send into a conversation.
 *
 * @param type {@code text}, {@code template}, {@code buttons}, {@code list} or {@code reaction}
 * @param replyTo the id of a message of the conversation this one replies to
 */
record SendRequest(@NotBlank @Pattern(regexp = "text|template|buttons|list|reaction") String type,
		@Nullable @Size(max = 4096) String text, @Nullable Boolean previewUrl, @Nullable UUID replyTo,
		@Nullable @Valid Template template, @Nullable @Valid Interactive interactive, @Nullable @Valid Reaction reaction) {

	/** The channel's {@link Reply}: what this type needs must be there. */
	Reply reply() {
		MessageId quoted = replyTo == null ? null : new MessageId(replyTo);
		return switch (type) {
			case "text" -> new Reply.Text(required(text, "text"), Boolean.TRUE.equals(previewUrl), quoted);
			case "template" -> {
				Template asked = required(template, "template");
				yield new Reply.Template(asked.name(), asked.language(), orEmpty(asked.headerParameters()),
						orEmpty(asked.bodyParameters()),
						orEmpty(asked.buttons()).stream()
							.map(b -> new Reply.TemplateButton(b.subType(), b.index(), b.value()))
							.toList(),
						text, quoted);
			}
			case "buttons" -> {
				Interactive asked = required(interactive, "interactive");
				yield new Reply.Buttons(asked.header(), asked.body(), asked.footer(),
						required(asked.buttons(), "interactive.buttons").stream()
							.map(b -> new Reply.Choice(b.id(), b.title()))
							.toList(),
						quoted);
			}
			case "list" -> {
				Interactive asked = required(interactive, "interactive");
				yield new Reply.Choices(asked.header(), asked.body(), asked.footer(),
						required(asked.buttonText(), "interactive.buttonText"),
						required(asked.sections(), "interactive.sections").stream()
							.map(s -> new Reply.Section(s.title(),
									s.rows().stream().map(r -> new Reply.Row(r.id(), r.title(), r.description())).toList()))
							.toList(),
						quoted);
			}
			case "reaction" -> {
				Reaction asked = required(reaction, "reaction");
				yield new Reply.Reaction(new MessageId(asked.messageId()), asked.emoji());
			}
			default -> throw new Sending.InvalidMessage("Unknown message type " + type);
		};
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw new Sending.InvalidMessage(field + " is required for this type");
		}
		return value;
	}

	private static <T> List<T> orEmpty(@Nullable List<T> values) {
		return values == null ? List.of() : values;
	}

	record Template(@NotBlank @Size(max = 512) String name, @NotBlank @Size(max = 15) String language,
			@Nullable List<String> headerParameters, @Nullable List<String> bodyParameters,
			@Nullable List<@Valid TemplateButton> buttons) {
	}

	/** @param subType {@code quick_reply} (payload) or {@code url} (text) */
	record TemplateButton(@NotBlank @Pattern(regexp = "quick_reply|url") String subType, int index,
			@NotBlank String value) {
	}

	record Interactive(@Nullable @Size(max = 60) String header, @NotBlank @Size(max = 1024) String body,
			@Nullable @Size(max = 60) String footer, @Nullable List<@Valid Button> buttons,
			@Nullable @Size(max = 20) String buttonText, @Nullable List<@Valid Section> sections) {
	}

	record Button(@NotBlank String id, @NotBlank String title) {
	}

	record Section(@NotBlank String title, @NotNull List<@Valid Row> rows) {
	}

	record Row(@NotBlank String id, @NotBlank String title, @Nullable String description) {
	}

	/** @param emoji empty removes our reaction */
	record Reaction(@NotNull UUID messageId, @NotNull String emoji) {
	}
}

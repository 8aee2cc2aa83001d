package com.whatsappflowhub.whatsapp.outbound;

import java.util.List;
import java.util.UUID;

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

package com.whatsappflowhub.extraction;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A message to analyse, with what the engine needs to read it: when it was sent, the tenant's zone and
 * locale, who sent it, up to three earlier messages of the chat (oldest first) and the tenant's staff
 * directory.
 */
public record AnalysisRequest(String text, ZonedDateTime sentAt, ZoneId zone, Locale locale, @Nullable Sender sender,
		List<ContextMessage> context, List<String> directory) {

	public AnalysisRequest {
		context = List.copyOf(context.size() > 3 ? context.subList(context.size() - 3, context.size()) : context);
		directory = List.copyOf(directory);
		sentAt = sentAt.withZoneSameInstant(zone);
	}

	public static AnalysisRequest of(String text, ZonedDateTime sentAt) {
		return new AnalysisRequest(text, sentAt, sentAt.getZone(), Locale.US, null, List.of(), List.of());
	}

	/** Who wrote a message. */
	public record Sender(String name, Role role) {
	}

	public enum Role {
		CUSTOMER, STAFF, MANAGER;

		public boolean isStaff() {
			return this != CUSTOMER;
		}
	}

	/** An earlier message of the same chat. */
	public record ContextMessage(@Nullable Sender sender, String text) {
	}
}

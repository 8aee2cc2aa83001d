package com.whatsappflowhub.whatsapp;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an outbound message stands, in the order WhatsApp moves it forward. {@link #FAILED} is off the ladder: it is
 * terminal. See {@link OutboundStatus} for the rule that applies updates.
 */
public enum MessageStatus {

	/** The Graph API accepted the message (its answer carried the wamid). */
	ACCEPTED(0),
	SENT(1),
	DELIVERED(2),
	READ(3),
	/** A voice message was played; comes after read. */
	PLAYED(4),
	FAILED(-1);

	private final int rank;

	MessageStatus(int rank) {
		this.rank = rank;
	}

	int rank() {
		return rank;
	}

	/** The status named as WhatsApp names it in webhooks ({@code sent}, {@code delivered}, ...). */
	public static Optional<MessageStatus> fromWebhook(String value) {
		for (MessageStatus status : values()) {
			if (status.name().equals(value.toUpperCase(Locale.ROOT))) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}
}

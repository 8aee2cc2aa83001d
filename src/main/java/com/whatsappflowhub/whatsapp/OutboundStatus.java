package com.whatsappflowhub.whatsapp;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The status of one outbound message, which only moves forward: accepted &lt; sent &lt; delivered &lt; read &lt;
 * played. Status webhooks arrive out of order (a read before its delivered, a late sent after read); applying them
 * here keeps the furthest status reached. {@link MessageStatus#FAILED} is terminal: once failed, the message stays
 * failed and keeps its error, whatever arrives later.
 *
 * @param status the furthest status reached
 * @param error why the message failed; present only when {@code status} is {@link MessageStatus#FAILED}
 */
public record OutboundStatus(MessageStatus status, @Nullable WhatsAppError error) {

	public OutboundStatus {
		if (status != MessageStatus.FAILED && error != null) {
			throw new InvalidOutboundStatus("only a failed status carries an error");
		}
	}

	/** A message the Graph API has just accepted. */
	public static OutboundStatus accepted() {
		return new OutboundStatus(MessageStatus.ACCEPTED, null);
	}

	public boolean isFailed() {
		return status == MessageStatus.FAILED;
	}

	/**
	 * The status after {@code incoming} arrives.
	 *
	 * @param incoming the status reported
	 * @param incomingError the error reported with a failed status (the first of {@code errors[]})
	 * @return this when the update would move the status backwards or the message already failed
	 */
	public OutboundStatus advance(MessageStatus incoming, @Nullable WhatsAppError incomingError) {
		if (isFailed()) {
			return this;
		}
		if (incoming == MessageStatus.FAILED) {
			return new OutboundStatus(MessageStatus.FAILED, incomingError);
		}
		return incoming.rank() > status.rank() ? new OutboundStatus(incoming, null) : this;
	}

	/** The status after a status webhook for this message. */
	public OutboundStatus apply(StatusUpdate update) {
		List<WhatsAppError> errors = update.errors();
		return advance(update.status(), errors.isEmpty() ? null : errors.get(0));
	}

	/** An outbound status that cannot exist, such as a delivered message with an error. */
	public static final class InvalidOutboundStatus extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		InvalidOutboundStatus(String reason) {
			super(reason);
		}
	}
}

package com.whatsappflowhub.whatsapp.graph;

/** Programming errors in how the Graph client is called (never answers from Meta: those are {@link SendOutcome}s). */
public final class GraphFailure {

	private GraphFailure() {
	}

	/** A blank token, phone number id or key. */
	public static final class BlankCredential extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		BlankCredential(String what) {
			super(what + " must not be blank");
		}
	}

	/** An outbound message that WhatsApp would refuse before sending (no buttons, too many, empty text...). */
	public static final class InvalidOutboundMessage extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		InvalidOutboundMessage(String reason) {
			super(reason);
		}
	}

	/** A backoff that could never run: no attempt, negative or inverted delays, a shrinking multiplier. */
	public static final class InvalidBackoff extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		InvalidBackoff(String reason) {
			super(reason);
		}
	}
}

package com.whatsappflowhub.whatsapp.graph;

import org.jspecify.annotations.Nullable;

import com.whatsappflowhub.whatsapp.WhatsAppError;

/**
 * What became of a send: accepted, or the named reason it was not. Only {@link Undetermined} leaves open whether
 * Meta accepted the message: do not resend it blindly, wait for its status webhook or reconcile.
 */
public sealed interface SendOutcome {

	/**
	 * Meta accepted the message.
	 *
	 * @param messageId the wamid (for mark-as-read: the message marked)
	 * @param replayed the key had been sent before and nothing was sent now
	 */
	record Accepted(String messageId, boolean replayed) implements SendOutcome {
	}

	/** Error 131047: more than 24 hours since the customer last wrote; only a template may go out. */
	record WindowClosed(WhatsAppError error) implements SendOutcome {
	}

	/** Errors 130429 / 131056 (throughput or pair rate limit), still refused after every retry. */
	record RateLimited(WhatsAppError error, int attempts) implements SendOutcome {
	}

	/** Error 131053: the media of the message could not be uploaded or fetched. */
	record MediaFailed(WhatsAppError error) implements SendOutcome {
	}

	/** The token was refused (code 190, or an OAuthException with 401/403): the number needs attention. */
	record NumberNeedsAttention(WhatsAppError error, int httpStatus) implements SendOutcome {
	}

	/** Any other refusal: permanent for this message, with Meta's code, title and details. */
	record Rejected(WhatsAppError error, int httpStatus) implements SendOutcome {
	}

	/**
	 * A server error or a broken connection after the request went out: Meta may or may not have accepted it, so it
	 * was not retried.
	 */
	record Undetermined(String reason, @Nullable Integer httpStatus) implements SendOutcome {
	}
}

package com.whatsappflowhub.platform;

/**
 * Base of every "no such thing (for you)" failure. The API answers it with 404, which is also the answer for
 * another tenant's resources: their existence is never confirmed.
 */
public abstract class NotFound extends RuntimeException {

	protected NotFound(String message) {
		super(message, null, false, false);
	}
}

package com.whatsappflowhub.whatsapp;

import org.springframework.http.HttpStatus;

/** Meta refused a message (or its rate limit held): the status and problem type the API answers with. */
public final class SendRefused extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	public SendRefused(HttpStatus status, String type, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
	}

	public HttpStatus status() {
		return status;
	}

	/** Stable slug for the problem {@code type}: {@code rate-limited}, {@code message-rejected}, ... */
	public String type() {
		return type;
	}
}

package com.whatsappflowhub.platform;

/** Base of failures where the request clashes with existing state (a taken slug or e-mail). API: 409. */
public abstract class Conflict extends RuntimeException {

	private final String problemType;

	protected Conflict(String problemType, String detail) {
		super(detail, null, false, false);
		this.problemType = problemType;
	}

	/** Stable slug for the problem {@code type}, e.g. {@code "email-taken"}. */
	public String problemType() {
		return problemType;
	}
}

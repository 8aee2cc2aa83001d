package com.whatsappflowhub.platform;

/** Base of domain validation failures that are the caller's fault. API: 400 with a safe detail. */
public abstract class InvalidRequest extends RuntimeException {

	private final String problemType;

	protected InvalidRequest(String problemType, String detail) {
		super(detail, null, false, false);
		this.problemType = problemType;
	}

	public String problemType() {
		return problemType;
	}
}

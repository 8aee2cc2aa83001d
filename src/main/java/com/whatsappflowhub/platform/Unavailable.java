package com.whatsappflowhub.platform;

/** Base of failures where a service we depend on did not answer (Meta, a connected tool). API: 503, nothing changed. */
public abstract class Unavailable extends RuntimeException {

	private final String problemType;

	protected Unavailable(String problemType, String detail) {
		super(detail, null, false, false);
		this.problemType = problemType;
	}

	public String problemType() {
		return problemType;
	}
}

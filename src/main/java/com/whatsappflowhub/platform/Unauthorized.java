package com.whatsappflowhub.platform;

/** Base of failures to prove who the caller is (bad credentials, a spent refresh token). API: 401. */
public abstract class Unauthorized extends RuntimeException {

	private final String problemType;

	protected Unauthorized(String problemType, String detail) {
		super(detail, null, false, false);
		this.problemType = problemType;
	}

	public String problemType() {
		return problemType;
	}
}

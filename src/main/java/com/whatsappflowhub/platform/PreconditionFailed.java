package com.whatsappflowhub.platform;

/** A conditional write (If-Match) met a newer version than the caller read. API: 412. */
public abstract class PreconditionFailed extends RuntimeException {

	protected PreconditionFailed(String detail) {
		super(detail, null, false, false);
	}
}

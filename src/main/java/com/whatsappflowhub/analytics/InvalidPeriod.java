package com.whatsappflowhub.analytics;

import com.whatsappflowhub.platform.InvalidRequest;

/** A period whose end is before its start, or that is longer than a year. */
public final class InvalidPeriod extends InvalidRequest {

	InvalidPeriod(String detail) {
		super("invalid-period", "The period is not valid: " + detail + ".");
	}
}

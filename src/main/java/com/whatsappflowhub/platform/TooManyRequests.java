package com.whatsappflowhub.platform;

import java.time.Duration;

/** A caller that must wait: answered 429 with {@code Retry-After} (whole seconds, rounded up). */
public class TooManyRequests extends RuntimeException {

	private final Duration retryAfter;

	private final String problemType;

	public TooManyRequests(String problemType, String detail, Duration retryAfter) {
		super(detail, null, false, false);
		this.problemType = problemType;
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	/** {@code Retry-After} in seconds, at least 1. */
	public long retryAfterSeconds() {
		long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
		return Math.max(1, seconds);
	}

	public String problemType() {
		return problemType;
	}
}

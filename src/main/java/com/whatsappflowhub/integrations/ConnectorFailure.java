package com.whatsappflowhub.integrations;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A call to the far end that did not work, classified by the connector: {@code transient} ones (5xx, 429, timeouts,
 * connection refused) are tried again, with the far end's {@code Retry-After} when it gave one; {@code permanent}
 * ones (the far end refused the request itself: 400, 403, 404, a Slack {@code ok: false} that will not change) become
 * a dead letter with the vendor's message at once.
 */
public class ConnectorFailure extends RuntimeException {

	private final boolean permanent;

	private final @Nullable Integer status;

	private final @Nullable Duration retryAfter;

	private ConnectorFailure(String message, boolean permanent, @Nullable Integer status, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(message, cause, false, false);
		this.permanent = permanent;
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public static ConnectorFailure temporary(String message, @Nullable Integer status, @Nullable Duration retryAfter) {
		return new ConnectorFailure(message, false, status, retryAfter, null);
	}

	public static ConnectorFailure temporary(String message, Throwable cause) {
		return new ConnectorFailure(message, false, null, null, cause);
	}

	public static ConnectorFailure permanent(String message, @Nullable Integer status) {
		return new ConnectorFailure(message, true, status, null, null);
	}

	public boolean permanent() {
		return permanent;
	}

	public @Nullable Integer status() {
		return status;
	}

	public @Nullable Duration retryAfter() {
		return retryAfter;
	}
}

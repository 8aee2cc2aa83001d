package com.whatsappflowhub.integrations.hooks;

import com.whatsappflowhub.platform.InvalidRequest;

/** A webhook URL that the SSRF rules refuse: its scheme, its form, or where its host resolves. */
final class RefusedTarget extends InvalidRequest {

	private final String reason;

	RefusedTarget(String reason) {
		super("webhook-url-refused", "url: " + reason);
		this.reason = reason;
	}

	/** Why, without the field name: "must use https", "resolves to a private address (10.0.0.1)". */
	String reason() {
		return reason;
	}
}

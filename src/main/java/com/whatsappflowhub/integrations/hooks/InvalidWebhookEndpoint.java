package com.whatsappflowhub.integrations.hooks;

import com.whatsappflowhub.platform.InvalidRequest;

/** A field of an endpoint that makes no sense (an unknown event, no events, a description too long). */
final class InvalidWebhookEndpoint extends InvalidRequest {

	InvalidWebhookEndpoint(String field, String reason) {
		super("invalid-webhook-endpoint", field + ": " + reason);
	}
}

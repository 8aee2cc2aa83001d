package com.whatsappflowhub.integrations.hooks;

import com.whatsappflowhub.platform.Conflict;

/** The tenant has as many endpoints as it may, or a replay asks a disabled endpoint. */
final class WebhookEndpointConflict extends Conflict {

	private WebhookEndpointConflict(String type, String detail) {
		super(type, detail);
	}

	static WebhookEndpointConflict tooMany(int max) {
		return new WebhookEndpointConflict("too-many-webhook-endpoints",
				"A tenant has at most " + max + " webhook endpoints; delete one first.");
	}

	static WebhookEndpointConflict disabled(WebhookEndpointId id) {
		return new WebhookEndpointConflict("webhook-endpoint-disabled",
				"Webhook endpoint " + id + " is disabled; enable it to send to it again.");
	}
}

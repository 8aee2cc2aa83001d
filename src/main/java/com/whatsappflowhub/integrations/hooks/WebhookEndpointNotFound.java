package com.whatsappflowhub.integrations.hooks;

import com.whatsappflowhub.platform.NotFound;

final class WebhookEndpointNotFound extends NotFound {

	WebhookEndpointNotFound(WebhookEndpointId id) {
		super("No webhook endpoint " + id);
	}

	WebhookEndpointNotFound(WebhookEndpointId id, long delivery) {
		super("No delivery " + delivery + " of webhook endpoint " + id);
	}
}

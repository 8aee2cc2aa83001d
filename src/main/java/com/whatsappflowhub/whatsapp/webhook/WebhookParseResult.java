package com.whatsappflowhub.whatsapp.webhook;

import com.whatsappflowhub.whatsapp.Delivery;

/**
 * What {@link WebhookParser} made of a (correctly signed) body: a normalised delivery, or the reason it is not one.
 * A body that is not a delivery is still Meta's: keep it verbatim (quarantine) and answer 400.
 */
public sealed interface WebhookParseResult {

	/** The body is a WhatsApp Business Account delivery; every item of it is in {@code delivery}. */
	record Parsed(Delivery delivery) implements WebhookParseResult {
	}

	/** The body is not JSON at all. */
	record MalformedJson(String reason) implements WebhookParseResult {
	}

	/** The body is JSON, but not a WhatsApp delivery (wrong {@code object}, no {@code entry}, a change without value...). */
	record NotAWhatsAppDelivery(String reason) implements WebhookParseResult {
	}
}

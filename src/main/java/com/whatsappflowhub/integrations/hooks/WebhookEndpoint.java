package com.whatsappflowhub.integrations.hooks;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A URL of the tenant's own systems and the events it wants. Turned off by a person ({@link #change}) or by us when
 * it answered {@code 410 Gone} (with the reason, kept until someone turns it on again). Its signing
 * secrets are not part of it: they stay sealed in the repository and are opened only to sign.
 */
record WebhookEndpoint(WebhookEndpointId id, String url, List<WebhookEventType> events, @Nullable String description,
		boolean enabled, @Nullable String disabledReason, @Nullable Instant previousSecretUntil, Instant createdAt,
		Instant updatedAt) {

	WebhookEndpoint {
		events = List.copyOf(events);
	}

	boolean wants(WebhookEventType type) {
		return enabled && events.contains(type);
	}

	/** {@code null} leaves a field as it is; a blank description removes it; turning it on forgets why it was off. */
	WebhookEndpoint change(@Nullable String newUrl, @Nullable List<WebhookEventType> newEvents,
			@Nullable String newDescription, @Nullable Boolean newEnabled, Instant now) {
		boolean on = newEnabled == null ? enabled : newEnabled;
		return new WebhookEndpoint(id, newUrl == null ? url : newUrl, newEvents == null ? events : newEvents,
				newDescription == null ? description : newDescription.isBlank() ? null : newDescription.strip(), on,
				on ? null : newEnabled != null ? null : disabledReason, previousSecretUntil, createdAt, now);
	}
}

package com.whatsappflowhub.integrations.hooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an endpoint may subscribe to; {@link #wireName} is the name in the API, {@link #cloudEventType} in the body. */
enum WebhookEventType {

	TASK_CREATED, TASK_UPDATED, TASK_ASSIGNED, TASK_COMPLETED, TASK_CANCELLED, MESSAGE_RECEIVED, MESSAGE_PROCESSED;

	private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '.');

	/** {@code task.created}, {@code message.received}... */
	String wireName() {
		return wireName;
	}

	/** {@code com.whatsappflowhub.task.created}... */
	String cloudEventType() {
		return "com.whatsappflowhub." + wireName;
	}

	static Optional<WebhookEventType> named(String wireName) {
		return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
	}
}

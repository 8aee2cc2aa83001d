package com.whatsappflowhub.integrations.hooks;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

record WebhookEndpointId(@JsonValue UUID value) {

	@JsonCreator
	static WebhookEndpointId of(String value) {
		return new WebhookEndpointId(UUID.fromString(value));
	}

	/** The Secrets context of its signing secrets: a secret sealed for one endpoint opens for no other. */
	String secretContext() {
		return "webhook-endpoint:" + value;
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

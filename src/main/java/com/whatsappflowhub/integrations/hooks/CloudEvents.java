package com.whatsappflowhub.integrations.hooks;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a webhook: one CloudEvents 1.0 event in the structured JSON format ({@code application/cloudevents+json}),
 * with the tenant as the {@code tenantid} extension attribute and the event's data as the API shows it.
 */
final class CloudEvents {

	static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

	private CloudEvents() {
	}

	/** A new message id ({@code webhook-id} and CloudEvent {@code id}): one per event and endpoint. */
	static String newId() {
		return "evt_" + UUID.randomUUID().toString().replace("-", "");
	}

	static String structured(JsonMapper json, String id, WebhookEventType type, TenantId tenant, String subject,
			Instant time, JsonNode data) {
		ObjectNode event = json.createObjectNode();
		event.put("specversion", "1.0");
		event.put("id", id);
		event.put("source", "/tenants/" + tenant);
		event.put("type", type.cloudEventType());
		event.put("subject", subject);
		event.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
		event.put("datacontenttype", "application/json");
		event.put("tenantid", tenant.toString());
		event.set("data", data);
		return json.writeValueAsString(event);
	}
}

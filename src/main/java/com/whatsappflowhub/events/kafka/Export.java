package com.whatsappflowhub.events.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.whatsappflowhub.platform.TenantScoped;

/**
 * How one kind of module event leaves the process: its topic, its CloudEvents type, what makes its id stable (the
 * same event, sent again after a crash or published again, has the same {@code ce_id}, so a consumer that keeps the
 * ids it has seen sees it once), its time, and its payload on the wire.
 *
 * @param name the event type's short name, e.g. {@code task.created}: the CloudEvents type after
 * {@code com.whatsappflowhub.} (the same types as the outbound webhooks'), and its schema's file name
 * @param identity what identifies this occurrence within its type, e.g. the task id and version
 */
record Export<E extends TenantScoped>(Class<E> type, String topic, String name,
		Function<E, String> identity, Function<E, Instant> time, BiFunction<UUID, E, Object> payload, int workers) {

	/** The CloudEvents spec version of the headers. */
	static final String SPEC_VERSION = "1.0";

	/** A name-based (version 3) UUID of the type and the identity: the same for the same occurrence, everywhere. */
	UUID id(E event) {
		return UUID.nameUUIDFromBytes((name + "/" + identity.apply(event)).getBytes(StandardCharsets.UTF_8));
	}

	Object wire(E event) {
		return payload.apply(id(event), event);
	}

	/** The CloudEvents Kafka protocol binding's headers, binary content mode. */
	Map<String, Object> headers(E event) {
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put("ce_specversion", SPEC_VERSION);
		headers.put("ce_id", id(event).toString());
		headers.put("ce_source", "/tenants/" + event.tenantId());
		headers.put("ce_type", "com.whatsappflowhub." + name);
		headers.put("ce_time", time.apply(event).toString());
		headers.put("ce_tenantid", event.tenantId().toString());
		headers.put("ce_dataschema", "events/" + name + ".schema.json");
		headers.put("content-type", "application/json");
		return headers;
	}

	/** The stage name of its delivery on the work queue. */
	String deliveryName() {
		return "events.kafka." + name;
	}
}

package com.whatsappflowhub.whatsapp;

/**
 * One normalised item of a webhook delivery: an inbound message, a status update of an outbound message, or any other
 * event. Every item keeps the raw JSON it was read from, for durable storage.
 */
public sealed interface DeliveryItem permits InboundMessage, StatusUpdate, OtherEvent {

	Route route();

	/** The JSON of the element this item was read from (a message, a status, or the change's value). */
	String rawJson();

	/**
	 * What makes this item the same item when Meta delivers it again: {@code message:<wamid>} for messages (a wamid
	 * seen before is the same message, whatever delivery brings it), otherwise the kind and the SHA-256 of its raw
	 * JSON (a retried delivery repeats its elements byte for byte). Store it with a unique constraint per tenant.
	 */
	String dedupeKey();
}

package com.whatsappflowhub.whatsapp;

/**
 * One normalised item of a webhook delivery: an inbound message, a status update of an outbound message, or any other
 * event. Every item keeps the raw JSON it was read from, for durable storage.
 */
public sealed interface DeliveryItem permits InboundMessage, StatusUpdate, OtherEvent {

	Route route();

	/** The JSON of the element this item was read from (a message, a status, or the change's value). */
	String rawJson();
}

package com.whatsappflowhub.whatsapp;

/**
 * Anything in a delivery that is neither an inbound message nor a status of an outbound message: account updates,
 * template status/quality/category/components updates, calls and call statuses, user marketing preferences, echoes
 * of messages sent from the WhatsApp Business app, change-level errors, and fields Meta adds later. Recorded as an
 * event of its own, never dropped.
 *
 * @param route the business account, field and (when the change had metadata) the phone number
 * @param eventType what happened within the field: {@code value.event} (e.g. {@code APPROVED},
 *     {@code ACCOUNT_RESTRICTION}), a call's {@code event}, an echo's {@code type}, a preference's {@code value}, or
 *     the field itself when nothing more specific is given
 * @param rawJson the element or the change's value as delivered
 */
public record OtherEvent(Route route, String eventType, String rawJson) implements DeliveryItem {

	/** The {@code changes[].field} (e.g. {@code account_update}, {@code message_template_status_update}). */
	public String field() {
		return route.field();
	}

	@Override
	public String dedupeKey() {
		return "event:" + route.field() + ":" + RawJson.sha256(rawJson);
	}
}

package com.whatsappflowhub.whatsapp;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message a customer sent to one of our business numbers.
 *
 * @param route where it belongs (phone number id routes it to its tenant)
 * @param id the wamid, unique per message: the key that makes storing it idempotent
 * @param sender the customer (wa_id and profile name)
 * @param timestamp when WhatsApp received it, absent only if Meta left it out
 * @param context reply context and forwarded flags
 * @param referral the ad clicked, kept on the message it came with
 * @param content what the message holds, one record per kind
 * @param rawJson the message element as delivered
 */
public record InboundMessage(Route route, String id, Sender sender, @Nullable Instant timestamp,
		MessageContext context, @Nullable Referral referral, MessageContent content, String rawJson)
		implements DeliveryItem {

	@Override
	public String dedupeKey() {
		return "message:" + id;
	}
}

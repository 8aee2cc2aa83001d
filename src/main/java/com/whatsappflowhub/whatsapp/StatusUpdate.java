package com.whatsappflowhub.whatsapp;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A status webhook for one of our outbound messages. Apply it with {@link OutboundStatus#apply(StatusUpdate)} so
 * statuses never move backwards.
 *
 * @param messageId the wamid of our outbound message
 * @param status sent, delivered, read, played or failed
 * @param recipientId the customer's wa_id (or group id)
 * @param recipientType {@code group} for group messages, otherwise absent
 * @param errors why it failed (code, title, details), empty unless failed
 * @param conversation the conversation and pricing information, when given
 * @param callbackData {@code biz_opaque_callback_data} we sent with the message, echoed back
 */
public record StatusUpdate(Route route, String messageId, MessageStatus status, @Nullable Instant timestamp,
		String recipientId, @Nullable String recipientType, List<WhatsAppError> errors,
		@Nullable Conversation conversation, @Nullable String callbackData, String rawJson) implements DeliveryItem {

	public StatusUpdate {
		errors = List.copyOf(errors);
	}

	@Override
	public String dedupeKey() {
		return "status:" + messageId + ":" + status.name().toLowerCase(java.util.Locale.ROOT) + ":"
				+ RawJson.sha256(rawJson);
	}

	/**
	 * Conversation and pricing details of a status.
	 *
	 * @param id {@code conversation.id}
	 * @param originType {@code conversation.origin.type} (service, marketing, utility, ...)
	 * @param expiresAt {@code conversation.expiration_timestamp}
	 * @param billable {@code pricing.billable}
	 * @param pricingModel {@code pricing.pricing_model}
	 * @param pricingCategory {@code pricing.category}
	 */
	public record Conversation(@Nullable String id, @Nullable String originType, @Nullable Instant expiresAt,
			@Nullable Boolean billable, @Nullable String pricingModel, @Nullable String pricingCategory) {
	}
}

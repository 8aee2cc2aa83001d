package com.whatsappflowhub.whatsapp;

import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * A command to the channel: tell the sender of a conversation something on WhatsApp (another module decides what,
 * e.g. that a request was logged or is done).
 * The channel sends it free-form inside the 24-hour window and as the number's fallback template outside it.
 * {@code key} is unique per notification, so a redelivered event sends once.
 */
public record SenderNotificationRequested(TenantId tenantId, UUID conversationId, @Nullable UUID replyToMessageId,
		String text, String key) implements TenantScoped {
}

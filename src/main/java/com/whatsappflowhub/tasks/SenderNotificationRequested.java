package com.whatsappflowhub.tasks;

import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * The sender of a message should be told something on WhatsApp (its request was logged, is done, or a rule
 * said so). The channel sends it free-form inside the 24-hour window and as the tenant's template outside it.
 * {@code key} is unique per notification, so a redelivered event sends once.
 */
public record SenderNotificationRequested(TenantId tenantId, UUID conversationId, @Nullable UUID replyToMessageId,
		String text, String key) implements TenantScoped {
}

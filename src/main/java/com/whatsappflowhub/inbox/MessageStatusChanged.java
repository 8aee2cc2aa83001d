package com.whatsappflowhub.inbox;

import java.time.Instant;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * An outbound message moved forward (ACCEPTED, SENT, DELIVERED, READ, PLAYED) or FAILED. Never published for a status
 * that would move it backwards.
 */
public record MessageStatusChanged(TenantId tenantId, MessageId messageId, ConversationId conversationId,
		String status, @Nullable Integer errorCode, @Nullable String errorTitle, Instant at) implements TenantScoped {
}

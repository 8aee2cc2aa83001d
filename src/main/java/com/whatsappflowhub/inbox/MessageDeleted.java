package com.whatsappflowhub.inbox;

import java.time.Instant;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/** A customer deleted a message for everyone; its text is gone from the message and kept in its history. */
public record MessageDeleted(TenantId tenantId, MessageId messageId, ConversationId conversationId, Instant at)
		implements TenantScoped {
}

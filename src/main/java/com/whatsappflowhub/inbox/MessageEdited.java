package com.whatsappflowhub.inbox;

import java.time.Instant;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/** A customer edited a message; the original now reads {@code newText} and keeps what it said before. */
public record MessageEdited(TenantId tenantId, MessageId messageId, ConversationId conversationId,
		@Nullable String previousText, @Nullable String newText, Instant at) implements TenantScoped {
}

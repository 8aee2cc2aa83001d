package com.whatsappflowhub.inbox;

import java.time.Instant;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * A customer reacted to a message, or took the reaction back ({@code emoji} absent).
 *
 * @param targetMessageId the message reacted to, when it is in the inbox
 * @param targetExternalId the channel's id of that message (the wamid)
 */
public record MessageReacted(TenantId tenantId, MessageId reactionMessageId, ConversationId conversationId,
		@Nullable MessageId targetMessageId, String targetExternalId, String reactorWaId, @Nullable String emoji,
		Instant at) implements TenantScoped {
}

package com.whatsappflowhub.inbox;

import java.time.Instant;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * A customer's message is stored (published once per message, after commit, also for reactions, edits and deletes,
 * whose {@code type} says so).
 *
 * @param senderWaId the sender's WhatsApp id (their phone number without {@code +})
 * @param senderName the sender's profile name, when WhatsApp gave it
 * @param staffUserId the member of staff whose phone number sent it, if any
 * @param text the text, caption, button title or other readable content; absent for media without caption
 * @param type the channel's message type ({@code text}, {@code image}, {@code interactive}, {@code reaction}...)
 * @param replyToMessageId the message it replies to, when that one is in the inbox
 * @param receivedAt when the webhook stored it (the start of the pipeline's clock)
 */
public record MessageReceived(TenantId tenantId, MessageId messageId, ConversationId conversationId,
		ContactId contactId, String senderWaId, @Nullable String senderName, @Nullable UserId staffUserId,
		@Nullable String text, String type, Instant sentAt, @Nullable MessageId replyToMessageId, boolean forwarded,
		Instant receivedAt)
		implements TenantScoped {
}

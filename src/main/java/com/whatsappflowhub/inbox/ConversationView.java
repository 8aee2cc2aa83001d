package com.whatsappflowhub.inbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A conversation with its contact and its customer-service window (open until 24 hours after the customer's last
 * message).
 */
public record ConversationView(ConversationId id, String channel, String channelAddress, Contact contact,
		@Nullable Instant lastInboundAt, @Nullable Instant lastMessageAt, boolean windowOpen,
		@Nullable Instant windowClosesAt) {

	public record Contact(ContactId id, String waId, @Nullable String profileName, @Nullable String staffUserId) {
	}
}

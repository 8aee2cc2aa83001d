package com.whatsappflowhub.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.whatsappflowhub.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Read-only questions about the current tenant's conversations: what was said before (context for readers), which
 * conversation reaches a member of staff, and whose customer-service window is about to close.
 */
public interface ConversationHistory {

	/** The conversation with the contact that is this member of staff, if they ever wrote to the business. */
	Optional<ConversationId> conversationWithStaff(UserId staff);

	/** Conversations whose 24-hour window (last inbound message + 24 h) closes within {@code (from, to]}. */
	List<ClosingWindow> windowsClosing(Instant from, Instant to);

	record ClosingWindow(ConversationId conversation, Instant closesAt) {
	}

	/**
	 * Up to {@code limit} readable messages of the conversation sent before {@code before}, oldest first.
	 * Reactions, edits and deletes are not messages of their own here.
	 */
	List<Line> before(ConversationId conversation, Instant before, int limit);

	/**
	 * @param inbound written by the contact (a customer, or a member of staff writing to the business number)
	 * @param staffUser the member of staff who wrote it, if one did
	 */
	record Line(boolean inbound, @Nullable String senderName, @Nullable UserId staffUser, String text, Instant sentAt) {
	}
}

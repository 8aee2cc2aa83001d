package com.whatsappflowhub.inbox;

import java.time.Instant;
import java.util.List;

import com.whatsappflowhub.identity.UserId;
import org.jspecify.annotations.Nullable;

/** What was said before in a conversation of the current tenant, for readers that need the context. */
public interface ConversationHistory {

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

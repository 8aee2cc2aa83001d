package com.whatsappflowhub.inbox;

import java.util.List;
import java.util.Optional;

/**
 * Read-only views of the current tenant's conversations and messages, for other modules' screens (the dashboard):
 * the same reads the inbox API answers with.
 */
public interface Conversations {

	/** By last activity, newest first. */
	List<ConversationView> conversations(int limit, int offset);

	Optional<ConversationView> conversation(ConversationId id);

	/** Oldest first. */
	List<MessageView> messages(ConversationId conversation, int limit, int offset);

	Optional<MessageView> message(MessageId id);
}

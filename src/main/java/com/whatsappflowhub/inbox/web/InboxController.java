package com.whatsappflowhub.inbox.web;

import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.ConversationView;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.inbox.store.MessageQueries;
import com.whatsappflowhub.platform.NotFound;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Conversations and messages of the caller's tenant. Every tenant role but API clients reads them (a USER reads all
 * of the tenant's conversations: the inbox does not assign conversations to users yet). Sending is the channel's
 * ({@code POST /api/v1/conversations/{id}/messages} in the WhatsApp module).
 */
@Tag(name = "Conversations")
@RestController
@RequestMapping("/api/v1")
@Validated
class InboxController {

	/** Staff, and API clients (keys or tokens) that hold the {@code messages:read} scope. */
	static final String READERS = "hasAnyRole('TENANT_ADMIN', 'MANAGER', 'USER', 'VIEWER') "
			+ "or (hasRole('API_CLIENT') and hasAuthority('SCOPE_messages:read'))";

	private final MessageQueries queries;

	InboxController(MessageQueries queries) {
		this.queries = queries;
	}

	@Operation(operationId = "listConversations", summary = "List conversations", description = "Most recent activity first; a page of up to `limit` from `offset`.")
	@GetMapping("/conversations")
	@PreAuthorize(READERS)
	List<ConversationView> conversations(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return queries.conversations(limit, offset);
	}

	@Operation(operationId = "getConversation", summary = "Read a conversation", description = "With its contact and whether the customer's 24-hour window is open.")
	@GetMapping("/conversations/{id}")
	@PreAuthorize(READERS)
	ConversationView conversation(@PathVariable UUID id) {
		return queries.conversation(new ConversationId(id)).orElseThrow(() -> new ConversationNotFound(id));
	}

	@Operation(operationId = "listConversationMessages", summary = "Read a conversation's messages", description = "Inbound and outbound, with reactions, edits, delivery statuses and media metadata; a page of up to `limit` from `offset`.")
	@GetMapping("/conversations/{id}/messages")
	@PreAuthorize(READERS)
	List<MessageView> messages(@PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		ConversationId conversation = new ConversationId(id);
		if (queries.conversation(conversation).isEmpty()) {
			throw new ConversationNotFound(id);
		}
		return queries.messages(conversation, limit, offset);
	}

	@Operation(operationId = "searchMessages", summary = "Search the tenant's messages", description = """
			Full-text search (PostgreSQL, any language's words) when `q` is given, best match first; without `q` \
			the most recent messages.""")
	@GetMapping("/messages")
	@PreAuthorize(READERS)
	List<MessageView> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		if (q == null || q.isBlank()) {
			return queries.recent(limit, offset);
		}
		return queries.search(q, limit, offset);
	}

	@Operation(operationId = "getMessage", summary = "Read a message")
	@GetMapping("/messages/{id}")
	@PreAuthorize(READERS)
	MessageView message(@PathVariable UUID id) {
		return queries.message(new MessageId(id)).orElseThrow(() -> new MessageNotFound(id));
	}

	static final class ConversationNotFound extends NotFound {

		ConversationNotFound(UUID id) {
			super("Conversation " + id + " not found");
		}
	}

	static final class MessageNotFound extends NotFound {

		MessageNotFound(UUID id) {
			super("Message " + id + " not found");
		}
	}
}

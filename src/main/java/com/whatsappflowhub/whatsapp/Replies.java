package com.whatsappflowhub.whatsapp;

import java.util.List;
import java.util.Set;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.MessageView;
import org.jspecify.annotations.Nullable;

/**
 * Sends into a conversation of the current tenant from the number it runs on, and names that number's approved
 * templates: the channel's command for screens and the API. A send is recorded with its idempotency key before it
 * leaves and goes to Meta once per key, on the caller's thread (the outcome is the answer).
 *
 * <p>Refusals: {@code platform.NotFound} (no such conversation), {@code platform.Conflict} with problem type
 * {@code window-closed} (free-form outside the 24-hour window and the number has no fallback template) or
 * {@code number-not-registered}, {@code platform.InvalidRequest} ({@code invalid-message}), {@link SendRefused}
 * (Meta refused it).
 */
public interface Replies {

	/** The staff roles that may write to customers (the API also lets API keys with {@code messages:send} do it). */
	Set<Role> SENDING_ROLES = Set.of(Role.TENANT_ADMIN, Role.MANAGER, Role.USER);

	/**
	 * @param idempotencyKey a retry with the same key sends nothing new and answers the first result; a new one when null
	 * @param by the member of staff who sends it, if one does
	 */
	Sent send(ConversationId conversation, Reply reply, @Nullable String idempotencyKey, @Nullable UserId by);

	/**
	 * The approved templates of the conversation's number ({@code GET /{waba-id}/message_templates}, read again after
	 * a short while); empty when the number is gone or Meta could not be asked.
	 */
	List<MessageTemplate> approvedTemplates(ConversationId conversation);

	/** @param created false when the key was used before: {@code message} is the first result */
	record Sent(MessageView message, boolean created) {
	}
}

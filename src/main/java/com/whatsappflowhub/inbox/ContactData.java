package com.whatsappflowhub.inbox;

import java.util.List;

import com.whatsappflowhub.platform.TenantId;

/**
 * What another module holds about a contact, for data subject requests (GDPR access and erasure): the inbox asks
 * every bean of this type for its part of {@code GET /api/v1/contacts/{waId}/export} and has each erase its part in
 * the transaction of {@code POST /api/v1/contacts/{waId}/erase}. Modules that keep something derived from a contact's
 * messages (tasks quoting them, the channel's raw deliveries and media files) implement it; the inbox knows them only
 * through this interface. Both run in the contact's tenant.
 */
public interface ContactData {

	/**
	 * The contact a request is about, with what identifies their data elsewhere: their conversations and messages (in
	 * and out), the channel's ids of those messages, the media files, and when the inbox recorded what the channel
	 * delivered for them (inbound messages, delivery statuses of ours), which finds the channel's raw copies.
	 */
	record Subject(TenantId tenant, ContactId contact, String waId, List<ConversationId> conversations,
			List<MessageId> messages, List<String> externalIds, List<String> mediaBlobKeys,
			List<java.time.Instant> recordedAt) {
	}

	/** The key of this part in the export document ({@code tasks}, {@code whatsapp}). */
	String section();

	/** This module's data about the subject, as JSON-ready values. */
	Object export(Subject subject);

	/**
	 * Removes the subject's personal data from this module's rows (keeping the rows that count: tasks, deliveries);
	 * @return how many rows changed
	 */
	int erase(Subject subject);
}

package com.whatsappflowhub.inbox.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.inbox.ContactData;
import com.whatsappflowhub.inbox.ContactId;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbox's part of a data subject request: the contact, their conversation and every message in it (theirs and
 * ours to them, with analyses, media metadata, reactions, revisions and delivery statuses) for the export, read
 * through the same queries as the API; and the erasure of the personal data in those rows. Rows stay (analytics
 * counts messages): the texts, the raw elements and payloads, names, numbers, media references and the analyses'
 * findings go. The contact's address becomes a pseudonym, so the next message from the same number starts a new
 * contact. Runs in the contact's tenant.
 */
@Repository
public class ContactRecords {

	private final JdbcClient jdbc;

	private final MessageQueries queries;

	private final InboxStore store;

	private final com.whatsappflowhub.platform.ClusterSignals cluster;

	ContactRecords(JdbcClient jdbc, MessageQueries queries, InboxStore store,
			com.whatsappflowhub.platform.ClusterSignals cluster) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.store = store;
		this.cluster = cluster;
	}

	/** The WhatsApp contact with this number (digits only, as WhatsApp writes a wa_id), if the tenant has one. */
	public Optional<ContactData.Subject> subject(String waId) {
		String digits = waId.replaceAll("[^0-9]", "");
		if (digits.isEmpty() || digits.length() > 20) {
			return Optional.empty();
		}
		Optional<UUID> contact = jdbc.sql("SELECT id FROM contact WHERE channel = 'whatsapp' AND address = ?")
			.param(digits)
			.query(UUID.class)
			.optional();
		return contact.map(id -> {
			List<ConversationId> conversations = jdbc.sql("SELECT id FROM conversation WHERE contact_id = ? ORDER BY created_at")
				.param(id)
				.query((rs, row) -> new ConversationId(rs.getObject(1, UUID.class)))
				.list();
			record Message(MessageId id, String externalId, String blobKey) {
			}
			List<Message> messages = jdbc.sql("""
					SELECT m.id, m.external_id, m.media_blob_key FROM message m JOIN conversation v ON v.id = m.conversation_id
					WHERE v.contact_id = ? ORDER BY m.sent_at, m.id""")
				.param(id)
				.query((rs, row) -> new Message(new MessageId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
				.list();
			List<Instant> recorded = jdbc.sql("""
					SELECT m.received_at FROM message m JOIN conversation v ON v.id = m.conversation_id
					WHERE v.contact_id = :contact AND m.direction = 'IN'
					UNION
					SELECT s.recorded_at FROM message_status s JOIN message m ON m.id = s.message_id
					JOIN conversation v ON v.id = m.conversation_id WHERE v.contact_id = :contact""")
				.param("contact", id)
				.query((rs, row) -> rs.getTimestamp(1).toInstant())
				.list();
			return new ContactData.Subject(TenantContext.require(), new ContactId(id), digits, conversations,
					messages.stream().map(Message::id).toList(),
					messages.stream().map(Message::externalId).filter(java.util.Objects::nonNull).toList(),
					messages.stream().map(Message::blobKey).filter(java.util.Objects::nonNull).toList(), recorded);
		});
	}

	public Map<String, Object> export(ContactData.Subject subject) {
		Map<String, Object> inbox = new LinkedHashMap<>();
		inbox.put("profile", jdbc.sql("SELECT address, profile_name, staff_user_id, created_at, updated_at FROM contact WHERE id = ?")
			.param(subject.contact().value())
			.query((rs, row) -> {
				Map<String, Object> profile = new LinkedHashMap<>();
				profile.put("id", subject.contact().value());
				profile.put("waId", rs.getString("address"));
				profile.put("profileName", rs.getString("profile_name"));
				profile.put("staffUserId", rs.getObject("staff_user_id", UUID.class));
				profile.put("createdAt", instant(rs.getTimestamp("created_at")));
				profile.put("updatedAt", instant(rs.getTimestamp("updated_at")));
				return profile;
			})
			.single());
		inbox.put("conversations", jdbc.sql("""
				SELECT id, channel, channel_address, last_inbound_at, last_message_at, created_at FROM conversation
				WHERE contact_id = ? ORDER BY created_at""")
			.param(subject.contact().value())
			.query((rs, row) -> {
				Map<String, Object> conversation = new LinkedHashMap<>();
				conversation.put("id", rs.getObject("id", UUID.class));
				conversation.put("channel", rs.getString("channel"));
				conversation.put("ourNumberId", rs.getString("channel_address"));
				conversation.put("lastInboundAt", instant(rs.getTimestamp("last_inbound_at")));
				conversation.put("lastMessageAt", instant(rs.getTimestamp("last_message_at")));
				conversation.put("createdAt", instant(rs.getTimestamp("created_at")));
				return conversation;
			})
			.list());
		List<MessageView> messages = subject.messages().stream().map(queries::message).flatMap(Optional::stream).toList();
		inbox.put("messages", messages.stream().filter(m -> "IN".equals(m.direction())).toList());
		inbox.put("noticesSent", messages.stream().filter(m -> "OUT".equals(m.direction())).toList());
		return inbox;
	}

	/** @return how many rows changed */
	public int erase(ContactData.Subject subject) {
		UUID[] conversations = subject.conversations().stream().map(ConversationId::value).toArray(UUID[]::new);
		UUID[] messages = subject.messages().stream().map(MessageId::value).toArray(UUID[]::new);
		String[] externalIds = subject.externalIds().toArray(String[]::new);
		int changed = jdbc.sql("""
				UPDATE message SET text = NULL, raw = NULL, payload = NULL, sender_address = NULL, sender_name = NULL,
				       referral = NULL, media_filename = NULL, media_blob_key = NULL, media_id = NULL, media_sha256 = NULL,
				       media_error = NULL, processing_error = NULL,
				       ai_analysis = (ai_analysis - 'entities') || '{"entitiesErased": true}'::jsonb
				WHERE conversation_id = ANY (?)""")
			.param(conversations)
			.update();
		changed += jdbc.sql("UPDATE message_revision SET previous_text = NULL, by_external_id = NULL WHERE message_id = ANY (?)")
			.param(messages)
			.update();
		changed += jdbc.sql("DELETE FROM message_reaction WHERE reactor = ? OR target_external_id = ANY (?)")
			.params(subject.waId(), externalIds)
			.update();
		changed += jdbc.sql("UPDATE message_status SET raw = NULL, error_details = NULL WHERE message_id = ANY (?) OR external_id = ANY (?)")
			.params(messages, externalIds)
			.update();
		changed += jdbc.sql("""
				UPDATE contact SET address = 'erased:' || id::text, profile_name = NULL, staff_user_id = NULL, updated_at = ?
				WHERE id = ?""")
			.params(Timestamp.from(Instant.now()), subject.contact().value())
			.update();
		UUID contact = subject.contact().value();
		store.forget(contact);
		org.springframework.transaction.support.TransactionSynchronizationManager
			.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
				@Override
				public void afterCommit() {
					store.forget(contact); // and whatever a webhook cached meanwhile
				}
			});
		cluster.send(InboxStore.CONTACT_ERASED, contact.toString()); // sent when the erasure commits
		return changed;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}

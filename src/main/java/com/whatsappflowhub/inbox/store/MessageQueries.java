package com.whatsappflowhub.inbox.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.inbox.ContactId;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.Conversations;
import com.whatsappflowhub.inbox.ConversationView;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.inbox.ProcessingStatus;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads of conversations and messages for the API (row-level security keeps them to the caller's tenant). */
@Repository
@Transactional(readOnly = true)
public class MessageQueries implements Conversations {

	static final java.time.Duration WINDOW = java.time.Duration.ofHours(24);

	private static final String MESSAGE_COLUMNS = """
			id, conversation_id, direction, external_id, type, kind, text, sent_at, sender_address, sender_name,
			sent_by_user_id, reply_to_external_id, forwarded, frequently_forwarded, target_external_id, reaction_emoji,
			media_id, media_mime_type, media_sha256, media_filename, media_status, media_error, media_size,
			status, status_error_code, status_error_title, status_updated_at, edited_at, deleted_at,
			processing_status, processing_error, language, ai_analysis""";

	private final JdbcClient jdbc;

	private final Clock clock;

	MessageQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static UUID tenant() {
		return TenantContext.require().value();
	}

	@Override
	public List<ConversationView> conversations(int limit, int offset) {
		return jdbc.sql("""
				SELECT v.id, v.channel, v.channel_address, v.last_inbound_at, v.last_message_at,
				       c.id AS contact_id, c.address, c.profile_name, c.staff_user_id
				FROM conversation v JOIN contact c ON c.id = v.contact_id
				WHERE v.tenant_id = ?
				ORDER BY v.last_message_at DESC NULLS LAST, v.id LIMIT ? OFFSET ?""")
			.params(tenant(), limit, offset)
			.query(this::mapConversation)
			.list();
	}

	@Override
	public Optional<ConversationView> conversation(ConversationId id) {
		return jdbc.sql("""
				SELECT v.id, v.channel, v.channel_address, v.last_inbound_at, v.last_message_at,
				       c.id AS contact_id, c.address, c.profile_name, c.staff_user_id
				FROM conversation v JOIN contact c ON c.id = v.contact_id WHERE v.id = ?""")
			.param(id.value())
			.query(this::mapConversation)
			.optional();
	}

	@Override
	public List<MessageView> messages(ConversationId conversation, int limit, int offset) {
		List<UUID> ids = jdbc.sql("SELECT id FROM message WHERE conversation_id = ? ORDER BY sent_at, received_at, id LIMIT ? OFFSET ?")
			.params(conversation.value(), limit, offset)
			.query(UUID.class)
			.list();
		return ids.stream().map(id -> message(new MessageId(id)).orElseThrow()).toList();
	}

	/** Full-text search over message texts (PostgreSQL {@code websearch_to_tsquery}, simple configuration). */
	public List<MessageView> search(String query, int limit, int offset) {
		List<UUID> ids = jdbc.sql("""
				SELECT id FROM message WHERE tenant_id = ? AND search @@ websearch_to_tsquery('simple', ?)
				ORDER BY ts_rank(search, websearch_to_tsquery('simple', ?)) DESC, sent_at DESC LIMIT ? OFFSET ?""")
			.params(tenant(), query, query, limit, offset)
			.query(UUID.class)
			.list();
		return ids.stream().map(id -> message(new MessageId(id)).orElseThrow()).toList();
	}

	public List<MessageView> recent(int limit, int offset) {
		List<UUID> ids = jdbc.sql("SELECT id FROM message WHERE tenant_id = ? ORDER BY sent_at DESC, id LIMIT ? OFFSET ?")
			.params(tenant(), limit, offset)
			.query(UUID.class)
			.list();
		return ids.stream().map(id -> message(new MessageId(id)).orElseThrow()).toList();
	}

	@Override
	public Optional<MessageView> message(MessageId id) {
		Optional<Row> row = jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM message WHERE id = ?")
			.param(id.value())
			.query(MessageQueries::row)
			.optional();
		return row.map(this::view);
	}

	private MessageView view(Row row) {
		ResultRow r = row.values();
		List<MessageView.Reaction> reactions = r.externalId() == null ? List.of()
				: jdbc.sql("""
						SELECT reactor, emoji, reacted_at FROM message_reaction WHERE tenant_id = ? AND target_external_id = ?
						ORDER BY reacted_at""")
					.params(tenant(), r.externalId())
					.query((rs, n) -> new MessageView.Reaction(rs.getString("reactor"), rs.getString("emoji"),
							rs.getTimestamp("reacted_at").toInstant()))
					.list();
		List<MessageView.Revision> revisions = r.editedAt() == null && r.deletedAt() == null ? List.of()
				: jdbc.sql("SELECT kind, previous_text, revised_at FROM message_revision WHERE message_id = ? ORDER BY id")
					.param(r.id())
					.query((rs, n) -> new MessageView.Revision(rs.getString("kind"), rs.getString("previous_text"),
							rs.getTimestamp("revised_at").toInstant()))
					.list();
		List<MessageView.StatusEntry> history = !"OUT".equals(r.direction()) ? List.of()
				: jdbc.sql("SELECT status, error_code, occurred_at, recorded_at FROM message_status WHERE message_id = ? ORDER BY id")
					.param(r.id())
					.query((rs, n) -> new MessageView.StatusEntry(rs.getString("status"),
							rs.getObject("error_code", Integer.class), InboxStore.instant(rs, "occurred_at"),
							rs.getTimestamp("recorded_at").toInstant()))
					.list();
		return new MessageView(new MessageId(r.id()), new ConversationId(r.conversationId()), r.direction(),
				r.externalId(), r.type(), r.kind(), r.text(), r.sentAt(), r.senderAddress(), r.senderName(),
				r.sentByUserId(), r.replyTo(), r.forwarded(), r.frequentlyForwarded(), r.target(), r.emoji(),
				r.media(), r.delivery(), reactions, r.editedAt(), r.deletedAt(), revisions, history, r.processing());
	}

	private record Row(ResultRow values) {
	}

	private record ResultRow(UUID id, UUID conversationId, String direction, @Nullable String externalId, String type,
			String kind, @Nullable String text, Instant sentAt, @Nullable String senderAddress,
			@Nullable String senderName, @Nullable String sentByUserId, @Nullable String replyTo, boolean forwarded,
			boolean frequentlyForwarded, @Nullable String target, @Nullable String emoji,
			MessageView.@Nullable Media media, MessageView.@Nullable Delivery delivery, @Nullable Instant editedAt,
			@Nullable Instant deletedAt, MessageView.@Nullable Processing processing) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String mediaId = rs.getString("media_id");
		MessageView.Media media = mediaId == null ? null
				: new MessageView.Media(mediaId, rs.getString("media_mime_type"), rs.getString("media_sha256"),
						rs.getString("media_filename"), rs.getString("media_status"), rs.getString("media_error"),
						rs.getObject("media_size", Long.class));
		String status = rs.getString("status");
		MessageView.Delivery delivery = status == null ? null
				: new MessageView.Delivery(status, rs.getObject("status_error_code", Integer.class),
						rs.getString("status_error_title"), InboxStore.instant(rs, "status_updated_at"));
		UUID sentBy = rs.getObject("sent_by_user_id", UUID.class);
		return new Row(new ResultRow(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
				rs.getString("direction"), rs.getString("external_id"), rs.getString("type"), rs.getString("kind"),
				rs.getString("text"), rs.getTimestamp("sent_at").toInstant(), rs.getString("sender_address"),
				rs.getString("sender_name"), sentBy == null ? null : sentBy.toString(),
				rs.getString("reply_to_external_id"), rs.getBoolean("forwarded"), rs.getBoolean("frequently_forwarded"),
				rs.getString("target_external_id"), rs.getString("reaction_emoji"), media, delivery,
				InboxStore.instant(rs, "edited_at"), InboxStore.instant(rs, "deleted_at"), processing(rs)));
	}

	private static MessageView.@Nullable Processing processing(ResultSet rs) throws SQLException {
		if (!"IN".equals(rs.getString("direction"))) {
			return null;
		}
		String status = rs.getString("processing_status");
		return new MessageView.Processing(status == null ? ProcessingStatus.RECEIVED : ProcessingStatus.valueOf(status),
				rs.getString("processing_error"), rs.getString("language"), rs.getString("ai_analysis"));
	}

	private ConversationView mapConversation(ResultSet rs, int n) throws SQLException {
		Instant lastInbound = InboxStore.instant(rs, "last_inbound_at");
		Instant closes = lastInbound == null ? null : lastInbound.plus(WINDOW);
		UUID staff = rs.getObject("staff_user_id", UUID.class);
		return new ConversationView(new ConversationId(rs.getObject("id", UUID.class)), rs.getString("channel"),
				rs.getString("channel_address"),
				new ConversationView.Contact(new ContactId(rs.getObject("contact_id", UUID.class)), rs.getString("address"),
						rs.getString("profile_name"), staff == null ? null : staff.toString()),
				lastInbound, InboxStore.instant(rs, "last_message_at"), closes != null && clock.instant().isBefore(closes),
				closes);
	}
}

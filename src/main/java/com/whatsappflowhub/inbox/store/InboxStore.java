package com.whatsappflowhub.inbox.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.ContactId;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.inbox.MessageDeleted;
import com.whatsappflowhub.inbox.MessageEdited;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageReacted;
import com.whatsappflowhub.inbox.MessageReceived;
import com.whatsappflowhub.inbox.ProcessingStatus;
import com.whatsappflowhub.inbox.MessageStatusChanged;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The inbox's tables behind {@link Inbox}. Runs in the caller's transaction; row-level security scopes every
 * statement to the caller's tenant. Lookups still name {@code tenant_id}: the policy's {@code OR} (the cross-tenant
 * path) keeps PostgreSQL from using it as an index condition, and every index leads with the tenant.
 */
@Service
class InboxStore implements Inbox {

	static final String PENDING = "PENDING";

	private static final int PARTY_CACHE_SIZE = 100_000;

	private final Map<PartyKey, Party> parties = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MessageQueries queries;

	InboxStore(JdbcClient jdbc, Directory directory, ApplicationEventPublisher events, Clock clock,
			MessageQueries queries) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
		this.queries = queries;
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The inbox is written inside the caller's transaction");
		}
	}

	@Override
	public Optional<Received> receive(IncomingMessage in) {
		requireTransaction();
		TenantId tenant = TenantContext.require();
		Instant now = clock.instant();
		Party party = party(tenant, in, now);
		UUID id = UUID.randomUUID();
		Target target = in.target();
		MediaReference media = in.media();
		// one round trip: the message, the conversation's last inbound time only if the message is new, and whether
		// edits or deletes of this message arrived before it did
		int[] counts = jdbc.sql("""
				WITH inserted AS (
				  INSERT INTO message (id, tenant_id, conversation_id, direction, external_id, type, kind, text, sent_at,
				    received_at, sender_address, sender_name, reply_to_external_id, forwarded, frequently_forwarded, referral,
				    target_external_id, target_action, reaction_emoji, media_id, media_mime_type, media_sha256, media_filename,
				    media_status, raw)
				  VALUES (:id, :tenant, :conversation, 'IN', :external, :type, :kind, :text, :sentAt, :now, :sender, :senderName,
				    :replyTo, :forwarded, :frequently, :referral, :target, :action, :emoji, :mediaId, :mime, :sha, :filename,
				    :mediaStatus, :raw)
				  ON CONFLICT (tenant_id, external_id) DO NOTHING RETURNING id),
				touched AS (
				  UPDATE conversation SET last_inbound_at = GREATEST(last_inbound_at, :sentAt),
				         last_message_at = GREATEST(last_message_at, :sentAt)
				  WHERE id = :conversation AND EXISTS (SELECT 1 FROM inserted) RETURNING id)
				SELECT (SELECT count(*) FROM inserted) AS inserted,
				       (SELECT count(*) FROM message WHERE tenant_id = :tenant AND target_external_id = :external
				          AND direction = 'IN'
				          AND target_action IN ('EDIT', 'DELETE')) AS early""")
			.param("id", id)
			.param("tenant", tenant.value())
			.param("conversation", party.conversationId())
			.param("external", in.externalId())
			.param("type", in.type())
			.param("kind", in.kind())
			.param("text", in.text())
			.param("sentAt", Timestamp.from(in.sentAt()))
			.param("now", Timestamp.from(now))
			.param("sender", in.senderAddress())
			.param("senderName", in.senderName())
			.param("replyTo", in.replyToExternalId())
			.param("forwarded", in.forwarded())
			.param("frequently", in.frequentlyForwarded())
			.param("referral", in.referralJson())
			.param("target", target == null ? null : target.externalId())
			.param("action", target == null ? null
					: target instanceof Target.Reaction ? "REACTION" : target instanceof Target.Edit ? "EDIT" : "DELETE")
			.param("emoji", target instanceof Target.Reaction reaction ? reaction.emoji() : null)
			.param("mediaId", media == null ? null : media.mediaId())
			.param("mime", media == null ? null : media.mimeType())
			.param("sha", media == null ? null : media.sha256())
			.param("filename", media == null ? null : media.filename())
			.param("mediaStatus", media == null ? null : PENDING)
			.param("raw", in.rawJson())
			.query((rs, row) -> new int[] { rs.getInt("inserted"), rs.getInt("early") })
			.single();
		if (counts[0] == 0) {
			return Optional.empty();
		}
		MessageId messageId = new MessageId(id);
		ConversationId conversationId = new ConversationId(party.conversationId());
		MessageId replyTo = in.replyToExternalId() == null ? null : idOf(in.replyToExternalId());
		events.publishEvent(new MessageReceived(tenant, messageId, conversationId, new ContactId(party.contactId()),
				in.senderAddress(), party.profileName(), party.staffUserId(), in.text(), in.type(), in.sentAt(), replyTo,
				in.forwarded(), now));
		if (target != null) {
			applyTarget(tenant, messageId, conversationId, in, target, now);
		}
		if (counts[1] > 0) {
			applyEarlyRevisions(tenant, messageId, conversationId, in.externalId());
		}
		return Optional.of(new Received(messageId, conversationId, new ContactId(party.contactId()), media != null));
	}

	private void applyTarget(TenantId tenant, MessageId messageId, ConversationId conversationId, IncomingMessage in,
			Target target, Instant now) {
		MessageId original = idOf(target.externalId());
		if (target instanceof Target.Reaction reaction) {
			if (reaction.emoji() == null || reaction.emoji().isEmpty()) {
				jdbc.sql("""
						DELETE FROM message_reaction WHERE tenant_id = ? AND target_external_id = ? AND reactor = ?
						AND reacted_at <= ?""")
					.params(tenant.value(), target.externalId(), in.senderAddress(), Timestamp.from(in.sentAt()))
					.update();
			}
			else {
				jdbc.sql("""
						INSERT INTO message_reaction (tenant_id, target_external_id, reactor, emoji, reaction_message_id, reacted_at)
						VALUES (:tenant, :target, :reactor, :emoji, :message, :at)
						ON CONFLICT (tenant_id, target_external_id, reactor) DO UPDATE
						SET emoji = EXCLUDED.emoji, reaction_message_id = EXCLUDED.reaction_message_id, reacted_at = EXCLUDED.reacted_at
						WHERE message_reaction.reacted_at <= EXCLUDED.reacted_at""")
					.param("tenant", tenant.value())
					.param("target", target.externalId())
					.param("reactor", in.senderAddress())
					.param("emoji", reaction.emoji())
					.param("message", messageId.value())
					.param("at", Timestamp.from(in.sentAt()))
					.update();
			}
			String emoji = reaction.emoji() == null || reaction.emoji().isEmpty() ? null : reaction.emoji();
			events.publishEvent(new MessageReacted(tenant, messageId, conversationId, original, target.externalId(),
					in.senderAddress(), emoji, in.sentAt()));
			return;
		}
		if (original == null) {
			return; // the original is not (yet) in the inbox; the edit or delete is kept as a message of its own
		}
		revise(tenant, original, conversationId, target instanceof Target.Delete,
				target instanceof Target.Edit edit ? edit.newText() : null, in.externalId(), in.sentAt());
	}

	/** Edits and deletes that arrived before their original, applied in the order they were made. */
	private void applyEarlyRevisions(TenantId tenant, MessageId original, ConversationId conversationId,
			String externalId) {
		record Early(String action, @Nullable String text, String externalId, Instant at) {
		}
		List<Early> early = jdbc.sql("""
				SELECT target_action, text, external_id, sent_at FROM message
				WHERE tenant_id = ? AND target_external_id = ? AND direction = 'IN' AND target_action IN ('EDIT', 'DELETE')
				ORDER BY sent_at, received_at""")
			.params(tenant.value(), externalId)
			.query((rs, row) -> new Early(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
		for (Early revision : early) {
			revise(tenant, original, conversationId, "DELETE".equals(revision.action()), revision.text(),
					revision.externalId(), revision.at());
		}
	}

	private void revise(TenantId tenant, MessageId original, ConversationId conversationId, boolean delete,
			@Nullable String newText, String byExternalId, Instant at) {
		String previous = jdbc.sql("SELECT text FROM message WHERE id = ? FOR UPDATE")
			.param(original.value())
			.query(String.class)
			.optional()
			.orElse(null);
		jdbc.sql("""
				INSERT INTO message_revision (tenant_id, message_id, kind, previous_text, by_external_id, revised_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(tenant.value(), original.value(), delete ? "DELETE" : "EDIT", previous, byExternalId, Timestamp.from(at))
			.update();
		if (delete) {
			jdbc.sql("UPDATE message SET text = NULL, deleted_at = ? WHERE id = ?")
				.params(Timestamp.from(at), original.value())
				.update();
			events.publishEvent(new MessageDeleted(tenant, original, conversationId, at));
		}
		else {
			jdbc.sql("UPDATE message SET text = ?, edited_at = ? WHERE id = ?")
				.params(newText, Timestamp.from(at), original.value())
				.update();
			events.publishEvent(new MessageEdited(tenant, original, conversationId, previous, newText, at));
		}
	}

	private @Nullable MessageId idOf(String externalId) {
		return jdbc.sql("SELECT id FROM message WHERE tenant_id = ? AND external_id = ?")
			.params(TenantContext.require().value(), externalId)
			.query(UUID.class)
			.optional()
			.map(MessageId::new)
			.orElse(null);
	}

	/**
	 * The contact and its conversation, created on first contact (a new contact is linked to staff by phone). Known
	 * parties are remembered after commit (contacts and conversations are never deleted), which saves the webhook a
	 * query per message.
	 */
	private Party party(TenantId tenant, IncomingMessage in, Instant now) {
		PartyKey key = new PartyKey(tenant, in.channel(), in.senderAddress());
		Party cached = parties.get(key);
		if (cached != null && cached.conversationId() != null
				&& (in.senderName() == null || in.senderName().equals(cached.profileName()))) {
			return cached;
		}
		Party party = readOrCreateParty(tenant, in, now);
		rememberAfterCommit(key, party);
		return party;
	}

	/** The cluster signal that a contact was erased: every replica forgets it (payload: the contact's id). */
	static final String CONTACT_ERASED = "inbox.contact-erased";

	/**
	 * Forgets an erased contact (its address is a pseudonym now): the next message from the number finds no party
	 * and starts a new contact.
	 */
	void forget(UUID contact) {
		parties.values().removeIf(party -> party.contactId().equals(contact));
	}

	@org.springframework.context.event.EventListener
	void on(com.whatsappflowhub.platform.ClusterSignal signal) {
		if (CONTACT_ERASED.equals(signal.topic())) {
			try {
				forget(UUID.fromString(signal.payload()));
			}
			catch (IllegalArgumentException ignored) {
				// not ours
			}
		}
	}

	private void rememberAfterCommit(PartyKey key, Party party) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				if (parties.size() >= PARTY_CACHE_SIZE) {
					parties.clear();
				}
				parties.put(key, party);
			}
		});
	}

	private record PartyKey(TenantId tenant, String channel, String address) {
	}

	private Party readOrCreateParty(TenantId tenant, IncomingMessage in, Instant now) {
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<Party> found = findParty(in.channel(), in.senderAddress());
			if (found.isPresent()) {
				Party party = found.get();
				if (in.senderName() != null && !in.senderName().equals(party.profileName())) {
					jdbc.sql("UPDATE contact SET profile_name = ?, updated_at = ? WHERE id = ?")
						.params(in.senderName(), Timestamp.from(now), party.contactId())
						.update();
					party = new Party(party.contactId(), party.conversationId(), in.senderName(), party.staffUserId());
				}
				if (party.conversationId() != null) {
					return party;
				}
				UUID conversation = UUID.randomUUID();
				int created = jdbc.sql("""
						INSERT INTO conversation (id, tenant_id, contact_id, channel, channel_address, created_at)
						VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, contact_id) DO NOTHING""")
					.params(conversation, tenant.value(), party.contactId(), in.channel(), in.channelAddress(),
							Timestamp.from(now))
					.update();
				if (created == 1) {
					return new Party(party.contactId(), conversation, party.profileName(), party.staffUserId());
				}
				continue; // created concurrently: read it again
			}
			UUID contact = UUID.randomUUID();
			UserId staff = directory.findByPhone(in.senderAddress()).map(StaffMember::id).orElse(null);
			int created = jdbc.sql("""
					INSERT INTO contact (id, tenant_id, channel, address, profile_name, staff_user_id, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, channel, address) DO NOTHING""")
				.params(contact, tenant.value(), in.channel(), in.senderAddress(), in.senderName(),
						staff == null ? null : staff.value(), Timestamp.from(now), Timestamp.from(now))
				.update();
			if (created == 1) {
				UUID conversation = UUID.randomUUID();
				jdbc.sql("""
						INSERT INTO conversation (id, tenant_id, contact_id, channel, channel_address, created_at)
						VALUES (?, ?, ?, ?, ?, ?)""")
					.params(conversation, tenant.value(), contact, in.channel(), in.channelAddress(), Timestamp.from(now))
					.update();
				return new Party(contact, conversation, in.senderName(), staff);
			}
		}
		throw new IllegalStateException("Contact " + in.senderAddress() + " could not be read or created");
	}

	private Optional<Party> findParty(String channel, String address) {
		return jdbc.sql("""
				SELECT c.id, v.id AS conversation_id, c.profile_name, c.staff_user_id
				FROM contact c LEFT JOIN conversation v ON v.tenant_id = c.tenant_id AND v.contact_id = c.id
				WHERE c.tenant_id = ? AND c.channel = ? AND c.address = ?""")
			.params(TenantContext.require().value(), channel, address)
			.query((rs, row) -> new Party(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
					rs.getString("profile_name"), userId(rs, "staff_user_id")))
			.optional();
	}

	private static @Nullable UserId userId(ResultSet rs, String column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return id == null ? null : new UserId(id);
	}

	private record Party(UUID contactId, @Nullable UUID conversationId, @Nullable String profileName,
			@Nullable UserId staffUserId) {
	}

	@Override
	public boolean applyStatus(StatusReport report, StatusRule rule) {
		requireTransaction();
		TenantId tenant = TenantContext.require();
		Instant now = clock.instant();
		Optional<Current> current = jdbc.sql("""
				SELECT id, conversation_id, status, status_error_code, status_error_title FROM message
				WHERE tenant_id = ? AND external_id = ? AND direction = 'OUT' FOR UPDATE""")
			.params(tenant.value(), report.externalId())
			.query(InboxStore::current)
			.optional();
		int inserted = jdbc.sql("""
				INSERT INTO message_status (tenant_id, external_id, message_id, status, error_code, error_title, error_details,
				  occurred_at, recorded_at, dedupe_key, raw)
				VALUES (:tenant, :external, :message, :status, :code, :title, :details, :occurred, :now, :dedupe, :raw)
				ON CONFLICT (tenant_id, dedupe_key) DO NOTHING""")
			.param("tenant", tenant.value())
			.param("external", report.externalId())
			.param("message", current.map(Current::id).orElse(null))
			.param("status", report.status())
			.param("code", report.errorCode())
			.param("title", report.errorTitle())
			.param("details", report.errorDetails())
			.param("occurred", report.occurredAt() == null ? null : Timestamp.from(report.occurredAt()))
			.param("now", Timestamp.from(now))
			.param("dedupe", report.dedupeKey())
			.param("raw", report.rawJson())
			.update();
		if (inserted == 0) {
			return false;
		}
		DeliveryState reported = new DeliveryState(report.status(), report.errorCode(), report.errorTitle());
		current.ifPresent(c -> advance(tenant, c, state -> rule.next(state, reported),
				report.occurredAt() == null ? now : report.occurredAt()));
		return true;
	}

	private void advance(TenantId tenant, Current current, java.util.function.UnaryOperator<DeliveryState> rule,
			Instant at) {
		DeliveryState next = rule.apply(current.state());
		if (next.equals(current.state())) {
			return;
		}
		jdbc.sql("""
				UPDATE message SET status = ?, status_error_code = ?, status_error_title = ?, status_updated_at = ?
				WHERE id = ?""")
			.params(next.status(), next.errorCode(), next.errorTitle(), Timestamp.from(at), current.id())
			.update();
		events.publishEvent(new MessageStatusChanged(tenant, new MessageId(current.id()),
				new ConversationId(current.conversationId()), next.status(), next.errorCode(), next.errorTitle(), at));
	}

	private record Current(UUID id, UUID conversationId, DeliveryState state) {
	}

	private static Current current(ResultSet rs, int row) throws SQLException {
		Integer code = rs.getObject("status_error_code", Integer.class);
		return new Current(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
				new DeliveryState(Objects.requireNonNullElse(rs.getString("status"), PENDING), code,
						rs.getString("status_error_title")));
	}

	@Override
	public Optional<ConversationRef> conversation(ConversationId id) {
		return jdbc.sql("""
				SELECT v.id, v.channel, v.channel_address, c.address, v.last_inbound_at
				FROM conversation v JOIN contact c ON c.id = v.contact_id WHERE v.id = ?""")
			.param(id.value())
			.query((rs, row) -> new ConversationRef(id, rs.getString("channel"), rs.getString("channel_address"),
					rs.getString("address"), instant(rs, "last_inbound_at")))
			.optional();
	}

	@Override
	public Optional<MessageView> message(MessageId id) {
		return queries.message(id);
	}

	@Override
	public Optional<MessageView> outboundByKey(String idempotencyKey) {
		return jdbc.sql("SELECT id FROM message WHERE tenant_id = ? AND idempotency_key = ?")
			.params(TenantContext.require().value(), idempotencyKey)
			.query(UUID.class)
			.optional()
			.flatMap(id -> queries.message(new MessageId(id)));
	}

	@Override
	public Recorded recordOutbound(OutboundDraft draft) {
		requireTransaction();
		TenantId tenant = TenantContext.require();
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				INSERT INTO message (id, tenant_id, conversation_id, direction, idempotency_key, type, kind, text, sent_at,
				  received_at, sent_by_user_id, reply_to_external_id, target_external_id, status, status_updated_at, payload)
				VALUES (:id, :tenant, :conversation, 'OUT', :key, :type, :kind, :text, :now, :now, :user, :replyTo, :target,
				  'PENDING', :now, :payload)
				ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING""")
			.param("id", id)
			.param("tenant", tenant.value())
			.param("conversation", draft.conversationId().value())
			.param("key", draft.idempotencyKey())
			.param("type", draft.type())
			.param("kind", draft.kind())
			.param("text", draft.text())
			.param("now", Timestamp.from(now))
			.param("user", draft.sentBy() == null ? null : draft.sentBy().value())
			.param("replyTo", draft.replyToExternalId())
			.param("target", draft.targetExternalId())
			.param("payload", draft.payloadJson())
			.update();
		if (inserted == 0) {
			return new Recorded(outboundByKey(draft.idempotencyKey()).orElseThrow(), false);
		}
		jdbc.sql("UPDATE conversation SET last_message_at = GREATEST(last_message_at, ?) WHERE id = ?")
			.params(Timestamp.from(now), draft.conversationId().value())
			.update();
		return new Recorded(queries.message(new MessageId(id)).orElseThrow(), true);
	}

	@Override
	public void outboundAccepted(MessageId id, String externalId, StatusRule rule) {
		requireTransaction();
		TenantId tenant = TenantContext.require();
		Instant now = clock.instant();
		jdbc.sql("UPDATE message SET external_id = ? WHERE id = ? AND external_id IS NULL")
			.params(externalId, id.value())
			.update();
		DeliveryState accepted = new DeliveryState("ACCEPTED", null, null);
		advance(tenant, lockOutbound(id), state -> rule.next(state, accepted), now);
		// status reports that arrived before the wamid was known to us
		List<StatusReport> early = jdbc.sql("""
				SELECT status, error_code, error_title, occurred_at FROM message_status
				WHERE tenant_id = ? AND external_id = ? AND message_id IS NULL ORDER BY id""")
			.params(tenant.value(), externalId)
			.query((rs, row) -> new StatusReport(externalId, rs.getString("status"),
					rs.getObject("error_code", Integer.class), rs.getString("error_title"), null,
					instant(rs, "occurred_at"), "", ""))
			.list();
		if (early.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE message_status SET message_id = ? WHERE tenant_id = ? AND external_id = ? AND message_id IS NULL")
			.params(id.value(), tenant.value(), externalId)
			.update();
		for (StatusReport report : early) {
			DeliveryState reported = new DeliveryState(report.status(), report.errorCode(), report.errorTitle());
			advance(tenant, lockOutbound(id), state -> rule.next(state, reported),
					report.occurredAt() == null ? now : report.occurredAt());
		}
	}

	private Current lockOutbound(MessageId id) {
		return jdbc.sql("""
				SELECT id, conversation_id, status, status_error_code, status_error_title FROM message
				WHERE id = ? FOR UPDATE""")
			.param(id.value())
			.query(InboxStore::current)
			.single();
	}

	@Override
	public void outboundFailed(MessageId id, int errorCode, String errorTitle) {
		requireTransaction();
		Instant now = clock.instant();
		TenantId tenant = TenantContext.require();
		advance(tenant, lockOutbound(id), state -> "FAILED".equals(state.status()) ? state
				: new DeliveryState("FAILED", errorCode, errorTitle), now);
	}

	@Override
	public void recordAnalysis(MessageId id, @Nullable String language, String analysisJson) {
		jdbc.sql("""
				UPDATE message SET ai_analysis = CAST(? AS jsonb), language = ?,
				       processing_status = CASE WHEN processing_status = 'TASKS_CREATED' THEN processing_status ELSE 'ANALYSED' END
				 WHERE tenant_id = ? AND id = ?""")
			.params(analysisJson, language, TenantContext.require().value(), id.value())
			.update();
	}

	@Override
	public void markProcessing(MessageId id, ProcessingStatus status, @Nullable String error) {
		jdbc.sql("UPDATE message SET processing_status = ?, processing_error = ? WHERE tenant_id = ? AND id = ?")
			.params(status.name(), error, TenantContext.require().value(), id.value())
			.update();
	}

	@Override
	public Optional<String> externalIdForKey(String idempotencyKey) {
		return jdbc.sql("""
				SELECT external_id FROM message WHERE tenant_id = ? AND idempotency_key = ? AND external_id IS NOT NULL""")
			.params(TenantContext.require().value(), idempotencyKey)
			.query(String.class)
			.optional();
	}

	@Override
	public void mediaStored(MessageId id, String blobKey, long size, String sha256Hex) {
		jdbc.sql("""
				UPDATE message SET media_status = 'STORED', media_blob_key = ?, media_size = ?, media_error = NULL
				WHERE id = ?""").params(blobKey, size, id.value()).update();
	}

	@Override
	public void mediaFailed(MessageId id, String error, boolean finalFailure) {
		jdbc.sql("UPDATE message SET media_status = ?, media_error = ? WHERE id = ? AND media_status <> 'STORED'")
			.params(finalFailure ? "FAILED" : PENDING, error, id.value())
			.update();
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}

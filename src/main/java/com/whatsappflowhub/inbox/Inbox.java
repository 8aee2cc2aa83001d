package com.whatsappflowhub.inbox;

import java.time.Instant;
import java.util.Optional;

import com.whatsappflowhub.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * What channels tell the inbox, inside their own transaction and tenant context (see the package documentation for
 * why this is a synchronous call). Every method is idempotent where the channel may repeat itself: a message id
 * seen before, or a status report seen before, changes nothing and publishes nothing.
 */
public interface Inbox {

	/**
	 * Stores an inbound message, its contact and conversation, and applies reactions, edits and deletes to the
	 * message they act on. Publishes {@link MessageReceived} (and {@link MessageReacted}, {@link MessageEdited},
	 * {@link MessageDeleted}) for a message stored now.
	 *
	 * @return the stored message, or empty when this external id was stored before
	 */
	Optional<Received> receive(IncomingMessage message);

	/**
	 * Records a status report of an outbound message and moves the message's status with {@code rule} (the
	 * channel's ordering). Publishes {@link MessageStatusChanged} when the status changed.
	 *
	 * @return false when this report was recorded before
	 */
	boolean applyStatus(StatusReport report, StatusRule rule);

	/** A conversation of the current tenant, for sending. */
	Optional<ConversationRef> conversation(ConversationId id);

	Optional<MessageView> message(MessageId id);

	/** The outbound message recorded under this idempotency key, if any. */
	Optional<MessageView> outboundByKey(String idempotencyKey);

	/** Records an outbound message before it is sent (status PENDING); the key makes a second call return the first. */
	Recorded recordOutbound(OutboundDraft draft);

	/** The channel accepted the message: stores its external id and applies status reports that came first. */
	void outboundAccepted(MessageId id, String externalId, StatusRule rule);

	/** The channel refused the message for good. */
	void outboundFailed(MessageId id, int errorCode, String errorTitle);

	/** The external id stored for the outbound message with this key. */
	Optional<String> externalIdForKey(String idempotencyKey);

	/** Keeps what the analysis found with an inbound message (JSON), and marks it analysed. */
	void recordAnalysis(MessageId id, @Nullable String language, String analysisJson);

	/** Moves an inbound message's processing status forward (or to FAILED with its reason). */
	void markProcessing(MessageId id, ProcessingStatus status, @Nullable String error);

	void mediaStored(MessageId id, String blobKey, long size, String sha256Hex);

	/** A download attempt failed; {@code finalFailure} marks it FAILED, otherwise it stays PENDING with the error. */
	void mediaFailed(MessageId id, String error, boolean finalFailure);

	/**
	 * An inbound message as a channel normalised it.
	 *
	 * @param channel e.g. {@code whatsapp}
	 * @param channelAddress our side of the conversation (the WhatsApp phone_number_id)
	 * @param externalId the channel's message id (wamid): unique per tenant
	 * @param senderAddress the customer's address (wa_id)
	 * @param type the channel's type name; {@code kind} the detailed kind (Text, Voice, ButtonReply...)
	 * @param text readable content: body, caption, button title, location name...
	 * @param target for reactions, edits and deletes: what they act on
	 */
	record IncomingMessage(String channel, String channelAddress, String externalId, String senderAddress,
			@Nullable String senderName, Instant sentAt, String type, String kind, @Nullable String text,
			@Nullable String replyToExternalId, boolean forwarded, boolean frequentlyForwarded,
			@Nullable String referralJson, @Nullable MediaReference media, @Nullable Target target, String rawJson) {
	}

	/** Media metadata as the channel gives it; the bytes are fetched later. */
	record MediaReference(String mediaId, @Nullable String mimeType, @Nullable String sha256,
			@Nullable String filename) {
	}

	/** What a reaction, edit or delete acts on. {@code emoji} absent on an unreaction. */
	sealed interface Target {

		String externalId();

		record Reaction(String externalId, @Nullable String emoji) implements Target {
		}

		record Edit(String externalId, @Nullable String newText) implements Target {
		}

		record Delete(String externalId) implements Target {
		}
	}

	record Received(MessageId messageId, ConversationId conversationId, ContactId contactId, boolean hasMedia) {
	}

	/**
	 * A status report of an outbound message.
	 *
	 * @param dedupeKey what makes the report the same report when delivered again
	 */
	record StatusReport(String externalId, String status, @Nullable Integer errorCode, @Nullable String errorTitle,
			@Nullable String errorDetails, @Nullable Instant occurredAt, String dedupeKey, String rawJson) {
	}

	/** The channel's ordering of statuses: where a message stands after a report (never backwards, for WhatsApp). */
	@FunctionalInterface
	interface StatusRule {

		DeliveryState next(DeliveryState current, DeliveryState reported);
	}

	/** The status an outbound message stands at: PENDING before the channel took it, then the channel's names. */
	record DeliveryState(String status, @Nullable Integer errorCode, @Nullable String errorTitle) {
	}

	/** What a channel needs of a conversation to send into it. */
	record ConversationRef(ConversationId id, String channel, String channelAddress, String contactAddress,
			@Nullable Instant lastInboundAt) {
	}

	/** An outbound message about to be sent. */
	record OutboundDraft(ConversationId conversationId, String idempotencyKey, String type, String kind,
			@Nullable String text, @Nullable String replyToExternalId, @Nullable String targetExternalId,
			@Nullable UserId sentBy, String payloadJson) {
	}

	/** @param created false when the key had been used before and {@code message} is the first one */
	record Recorded(MessageView message, boolean created) {
	}
}

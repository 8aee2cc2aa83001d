package com.whatsappflowhub.inbox;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A message as the API shows it. */
public record MessageView(MessageId id, ConversationId conversationId, String direction, @Nullable String externalId,
		String type, String kind, @Nullable String text, Instant sentAt, @Nullable String senderWaId,
		@Nullable String senderName, @Nullable String sentByUserId, @Nullable String replyToExternalId,
		boolean forwarded, boolean frequentlyForwarded, @Nullable String targetExternalId,
		@Nullable String reactionEmoji, @Nullable Media media, @Nullable Delivery delivery,
		List<Reaction> reactions, @Nullable Instant editedAt, @Nullable Instant deletedAt, List<Revision> revisions,
		List<StatusEntry> statusHistory, @Nullable Processing processing) {

	/**
	 * Inbound only: how far the pipeline got ({@link ProcessingStatus}), the reason when it failed, the language and
	 * what the analysis found (actionable, probability, sentiment, entities, tasks, engine and version, time taken).
	 */
	public record Processing(ProcessingStatus status, @Nullable String error, @Nullable String language,
			@com.fasterxml.jackson.annotation.JsonRawValue @Nullable String analysis) {
	}

	/** Media metadata and where its download stands (PENDING, STORED, FAILED with the last error). */
	public record Media(String mediaId, @Nullable String mimeType, @Nullable String sha256, @Nullable String filename,
			String status, @Nullable String lastError, @Nullable Long size) {
	}

	/** Where an outbound message stands. */
	public record Delivery(String status, @Nullable Integer errorCode, @Nullable String errorTitle,
			@Nullable Instant updatedAt) {
	}

	public record Reaction(String reactor, String emoji, Instant at) {
	}

	public record Revision(String kind, @Nullable String previousText, Instant at) {
	}

	public record StatusEntry(String status, @Nullable Integer errorCode, @Nullable Instant occurredAt,
			Instant recordedAt) {
	}
}

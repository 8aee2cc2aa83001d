package com.whatsappflowhub.extraction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * Published when a received message has been analysed (the seed's {@code MessageProcessedEvent}: event id,
 * timestamp, tenant, message id, extracted tasks, processing metadata), with what the next step needs to act on
 * it without asking again: the conversation, who sent it, the text and language, and when the webhook stored it
 * ({@code receivedAt}, for the webhook-to-task latency).
 */
public record MessageAnalyzed(UUID eventId, Instant timestamp, TenantId tenantId, UUID messageId,
		@Nullable UUID conversationId, Origin sender, String text, String language, boolean actionable,
		List<Task> tasks, ProcessingMetadata metadata, @Nullable Instant receivedAt) implements TenantScoped {

	public MessageAnalyzed {
		tasks = List.copyOf(tasks);
	}

	/** Who wrote the message: a member of staff (with their user id) or a customer. */
	public record Origin(@Nullable UserId staffUser, AnalysisRequest.Role role, @Nullable String name) {
	}

	/**
	 * A task found in the message; {@code assignee} is the member of staff the engine named, {@code dueAt} its
	 * deadline as one instant under the tenant's business conventions ("by Friday" is Friday at the end of the
	 * business day).
	 */
	public record Task(ExtractedTask extracted, @Nullable UserId assignee, @Nullable Instant dueAt) {
	}

	/** How the analysis was made. */
	public record ProcessingMetadata(double confidence, Duration processingTime, String modelVersion) {
	}
}

package com.whatsappflowhub.events.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.extraction.MessageAnalyzed;
import com.whatsappflowhub.inbox.MessageReceived;
import com.whatsappflowhub.integrations.IntegrationSyncFailed;
import com.whatsappflowhub.integrations.IntegrationSynced;
import com.whatsappflowhub.platform.WorkDeadLettered;
import com.whatsappflowhub.tasks.Actor;
import com.whatsappflowhub.tasks.TaskView;
import org.jspecify.annotations.Nullable;

/**
 * The events as they leave the process: the published contract ({@code classpath:events/*.schema.json}), kept apart
 * from the modules' own records so that those can change without breaking a consumer. Every payload starts with
 * the CloudEvents id ({@code eventId}, also the {@code ce_id} header), its time and the tenant.
 */
final class Wire {

	private Wire() {
	}

	/** {@code message.received}: a customer's or a member of staff's message is stored. */
	record MessageReceivedV1(UUID eventId, Instant timestamp, UUID tenantId, UUID messageId, UUID conversationId,
			UUID contactId, String senderWaId, @Nullable String senderName, @Nullable UUID staffUserId,
			@Nullable String text, String type, Instant sentAt, @Nullable UUID replyToMessageId, boolean forwarded) {

		static MessageReceivedV1 of(UUID id, MessageReceived event) {
			return new MessageReceivedV1(id, event.receivedAt(), event.tenantId().value(), event.messageId().value(),
					event.conversationId().value(), event.contactId().value(), event.senderWaId(), event.senderName(),
					event.staffUserId() == null ? null : event.staffUserId().value(), event.text(), event.type(),
					event.sentAt(), event.replyToMessageId() == null ? null : event.replyToMessageId().value(),
					event.forwarded());
		}
	}

	/** {@code message.processed}: the seed's {@code MessageProcessedEvent}. */
	record MessageProcessedV1(UUID eventId, Instant timestamp, UUID tenantId, UUID messageId,
			@Nullable UUID conversationId, String language, boolean actionable, List<ExtractedTaskV1> extractedTasks,
			ProcessingMetadataV1 processingMetadata) {

		static MessageProcessedV1 of(UUID id, MessageAnalyzed event) {
			return new MessageProcessedV1(id, event.timestamp(), event.tenantId().value(), event.messageId(),
					event.conversationId(), event.language(), event.actionable(),
					event.tasks().stream().map(ExtractedTaskV1::of).toList(),
					new ProcessingMetadataV1(event.metadata().confidence(), event.metadata().processingTime().toMillis(),
							event.metadata().modelVersion()));
		}
	}

	record ExtractedTaskV1(String title, String description, String priority, @Nullable String assignee,
			@Nullable UUID assigneeId, @Nullable Instant dueAt, double confidence) {

		static ExtractedTaskV1 of(MessageAnalyzed.Task task) {
			return new ExtractedTaskV1(task.extracted().title(), task.extracted().description(),
					task.extracted().priority().label(), task.extracted().assignee(),
					task.assignee() == null ? null : task.assignee().value(), task.dueAt(), task.extracted().confidence());
		}
	}

	record ProcessingMetadataV1(double confidence, long processingTimeMs, String modelVersion) {
	}

	/** {@code task.*}: the task as it is after the change, who made it and, for some types, what changed. */
	record TaskEventV1(UUID eventId, Instant timestamp, UUID tenantId, TaskV1 task, @Nullable ActorV1 by,
			@Nullable List<String> changedFields, @Nullable UUID previousAssigneeId, @Nullable String reason) {

		static TaskEventV1 of(UUID id, TaskView task, @Nullable Actor by) {
			return new TaskEventV1(id, task.updatedAt(), task.tenantId().value(), TaskV1.of(task), ActorV1.of(by), null,
					null, null);
		}

		TaskEventV1 changed(Set<String> fields) {
			return new TaskEventV1(eventId, timestamp, tenantId, task, by, fields.stream().sorted().toList(),
					previousAssigneeId, reason);
		}

		TaskEventV1 previousAssignee(@Nullable UUID previous) {
			return new TaskEventV1(eventId, timestamp, tenantId, task, by, changedFields, previous, reason);
		}

		TaskEventV1 reason(@Nullable String text) {
			return new TaskEventV1(eventId, timestamp, tenantId, task, by, changedFields, previousAssigneeId, text);
		}
	}

	record TaskV1(UUID id, String title, @Nullable String description, String priority, String status,
			boolean suggested, @Nullable UUID assigneeId, @Nullable UUID teamId, @Nullable Instant dueAt,
			@Nullable Double confidence, List<String> labels, @Nullable UUID sourceMessageId,
			@Nullable UUID sourceConversationId, String createdBy, Instant createdAt, Instant updatedAt,
			@Nullable Instant completedAt, @Nullable Instant overdueAt, int version) {

		static TaskV1 of(TaskView task) {
			return new TaskV1(task.id().value(), task.title(), task.description(), task.priority().code(),
					task.status().name(), task.suggested(), task.assigneeId() == null ? null : task.assigneeId().value(),
					task.teamId() == null ? null : task.teamId().value(),
					task.deadline() == null ? null : task.deadline().at(), task.confidence(), task.labels(),
					task.sourceMessageId(), task.sourceConversationId(), task.createdBy(), task.createdAt(),
					task.updatedAt(), task.completedAt(), task.overdueAt(), task.version());
		}
	}

	record ActorV1(String type, @Nullable String id) {

		static @Nullable ActorV1 of(@Nullable Actor actor) {
			return actor == null ? null : new ActorV1(actor.type().name(), actor.id());
		}
	}

	/** {@code integration.synced} and {@code integration.failed}: one line of the sync log. */
	record IntegrationEventV1(UUID eventId, Instant timestamp, UUID tenantId, long logId, UUID connectionId,
			@Nullable UUID taskId, String direction, String operation, @Nullable Integer durationMs,
			@Nullable Integer httpStatus, @Nullable String error) {

		static IntegrationEventV1 of(UUID id, IntegrationSynced event) {
			return new IntegrationEventV1(id, event.at(), event.tenantId().value(), event.logId(), event.connectionId(),
					event.taskId(), event.direction().name(), event.operation(), event.durationMs(), event.httpStatus(),
					null);
		}

		static IntegrationEventV1 of(UUID id, IntegrationSyncFailed event) {
			return new IntegrationEventV1(id, event.at(), event.tenantId().value(), event.logId(), event.connectionId(),
					event.taskId(), event.direction().name(), event.operation(), event.durationMs(), event.httpStatus(),
					event.error());
		}
	}

	/** {@code work.dead-lettered}: a pipeline item that used its last attempt ({@code /api/v1/dead-letters}). */
	record DeadLetterV1(UUID eventId, Instant timestamp, UUID tenantId, long itemId, String stage, String key,
			String eventType, int attempts, String error) {

		static DeadLetterV1 of(UUID id, WorkDeadLettered event) {
			return new DeadLetterV1(id, event.at(), event.tenantId().value(), event.itemId(), event.stage(), event.key(),
					event.eventType(), event.attempts(), event.error());
		}
	}
}

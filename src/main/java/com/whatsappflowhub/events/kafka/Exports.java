package com.whatsappflowhub.events.kafka;

import java.util.List;
import java.util.Optional;

import com.whatsappflowhub.events.kafka.Wire.DeadLetterV1;
import com.whatsappflowhub.events.kafka.Wire.IntegrationEventV1;
import com.whatsappflowhub.events.kafka.Wire.MessageProcessedV1;
import com.whatsappflowhub.events.kafka.Wire.MessageReceivedV1;
import com.whatsappflowhub.events.kafka.Wire.TaskEventV1;
import com.whatsappflowhub.extraction.MessageAnalyzed;
import com.whatsappflowhub.inbox.MessageReceived;
import com.whatsappflowhub.integrations.IntegrationSyncFailed;
import com.whatsappflowhub.integrations.IntegrationSynced;
import com.whatsappflowhub.platform.TenantScoped;
import com.whatsappflowhub.platform.WorkDeadLettered;
import com.whatsappflowhub.tasks.TaskAssigned;
import com.whatsappflowhub.tasks.TaskCancelled;
import com.whatsappflowhub.tasks.TaskCompleted;
import com.whatsappflowhub.tasks.TaskCreated;
import com.whatsappflowhub.tasks.TaskEscalated;
import com.whatsappflowhub.tasks.TaskOverdue;
import com.whatsappflowhub.tasks.TaskUpdated;
import com.whatsappflowhub.tasks.TaskView;

/** Every module event that leaves the process, and how (one place, so that the schemas can be checked against it). */
final class Exports {

	static final String MESSAGES = "message-events";

	static final String TASKS = "task-events";

	static final String INTEGRATIONS = "integration-events";

	static final String DEAD_LETTERS = "dead-letter-queue";

	static final List<String> TOPICS = List.of(MESSAGES, TASKS, INTEGRATIONS, DEAD_LETTERS);

	static final List<Export<?>> ALL = List.of(
			new Export<>(MessageReceived.class, MESSAGES, "message.received",
					event -> event.messageId().value() + "/" + event.type(), MessageReceived::receivedAt,
					MessageReceivedV1::of, 2),
			new Export<>(MessageAnalyzed.class, MESSAGES, "message.processed",
					event -> event.messageId().toString(), MessageAnalyzed::timestamp, MessageProcessedV1::of, 2),
			new Export<>(TaskCreated.class, TASKS, "task.created", event -> change(event.task()),
					event -> event.task().createdAt(), (id, event) -> TaskEventV1.of(id, event.task(), null), 2),
			new Export<>(TaskUpdated.class, TASKS, "task.updated", event -> change(event.task()),
					event -> event.task().updatedAt(),
					(id, event) -> TaskEventV1.of(id, event.task(), event.by()).changed(event.fields()), 1),
			new Export<>(TaskAssigned.class, TASKS, "task.assigned", event -> change(event.task()),
					event -> event.task().updatedAt(),
					(id, event) -> TaskEventV1.of(id, event.task(), event.by())
						.previousAssignee(event.previousAssignee() == null ? null : event.previousAssignee().value()),
					1),
			new Export<>(TaskCompleted.class, TASKS, "task.completed", event -> change(event.task()),
					event -> event.task().updatedAt(), (id, event) -> TaskEventV1.of(id, event.task(), event.by()), 1),
			new Export<>(TaskCancelled.class, TASKS, "task.cancelled", event -> change(event.task()),
					event -> event.task().updatedAt(),
					(id, event) -> TaskEventV1.of(id, event.task(), event.by()).reason(event.reason()), 1),
			new Export<>(TaskOverdue.class, TASKS, "task.overdue", event -> change(event.task()),
					event -> event.task().updatedAt(), (id, event) -> TaskEventV1.of(id, event.task(), null), 1),
			new Export<>(TaskEscalated.class, TASKS, "task.escalated", event -> change(event.task()),
					event -> event.task().updatedAt(), (id, event) -> TaskEventV1.of(id, event.task(), null), 1),
			new Export<>(IntegrationSynced.class, INTEGRATIONS, "integration.synced",
					event -> Long.toString(event.logId()), IntegrationSynced::at, IntegrationEventV1::of, 1),
			new Export<>(IntegrationSyncFailed.class, INTEGRATIONS, "integration.failed",
					event -> Long.toString(event.logId()), IntegrationSyncFailed::at, IntegrationEventV1::of, 1),
			new Export<>(WorkDeadLettered.class, DEAD_LETTERS, "work.dead-lettered",
					event -> event.itemId() + "/" + event.at().toEpochMilli(), WorkDeadLettered::at, DeadLetterV1::of,
					1));

	private Exports() {
	}

	/** A task event's occurrence: the task and the version the change produced (with the type, unique). */
	private static String change(TaskView task) {
		return task.id().value() + "/" + task.version();
	}

	@SuppressWarnings("unchecked")
	static <E extends TenantScoped> Optional<Export<E>> of(E event) {
		return ALL.stream()
			.filter(export -> export.type() == event.getClass())
			.map(export -> (Export<E>) export)
			.findFirst();
	}
}

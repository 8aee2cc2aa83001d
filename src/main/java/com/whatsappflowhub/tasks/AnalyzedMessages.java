package com.whatsappflowhub.tasks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.MessageAnalyzed;
import com.whatsappflowhub.extraction.Span;
import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.ProcessingStatus;
import com.whatsappflowhub.platform.Stage;
import org.springframework.stereotype.Component;

/**
 * The intake stage after analysis: each analysed message that proposes tasks goes through {@link TaskIntake}, a
 * batch of them in one transaction; the message is marked as having made tasks.
 */
@Component
class AnalyzedMessages implements Stage<MessageAnalyzed> {

	private static final Spec<MessageAnalyzed> SPEC = Spec.of("tasks.intake", MessageAnalyzed.class).batchSize(32);

	private final TaskIntake intake;

	private final Inbox inbox;

	private final PipelineMetrics metrics;

	AnalyzedMessages(TaskIntake intake, Inbox inbox, PipelineMetrics metrics) {
		this.intake = intake;
		this.inbox = inbox;
		this.metrics = metrics;
	}

	@Override
	public Spec<MessageAnalyzed> spec() {
		return SPEC;
	}

	@Override
	public boolean wants(MessageAnalyzed event) {
		return !event.tasks().isEmpty();
	}

	@Override
	public String key(MessageAnalyzed event) {
		return event.messageId().toString();
	}

	@Override
	public void handle(List<MessageAnalyzed> events) {
		List<List<TaskView>> made = intake.intakeAll(events.stream().map(AnalyzedMessages::analyzed).toList());
		for (int i = 0; i < events.size(); i++) {
			MessageAnalyzed event = events.get(i);
			List<TaskView> created = made.get(i);
			if (!created.isEmpty()) {
				inbox.markProcessing(new MessageId(event.messageId()), ProcessingStatus.TASKS_CREATED, null);
			}
			metrics.processed(event.receivedAt(), created);
		}
	}

	@Override
	public void deadLettered(MessageAnalyzed event, String error) {
		inbox.markProcessing(new MessageId(event.messageId()), ProcessingStatus.FAILED, "intake: " + error);
		metrics.processed("failed");
	}

	private static TaskIntake.AnalyzedMessage analyzed(MessageAnalyzed event) {
		return new TaskIntake.AnalyzedMessage(event.messageId(), event.conversationId(),
				event.sender().staffUser(), event.sender().role().name().toLowerCase(Locale.ROOT), event.sender().name(),
				event.text(), event.language(), event.actionable(), event.metadata().confidence(),
				event.metadata().modelVersion(),
				event.tasks().stream().map(AnalyzedMessages::proposed).toList());
	}

	private static TaskIntake.Proposed proposed(MessageAnalyzed.Task task) {
		ExtractedTask found = task.extracted();
		return new TaskIntake.Proposed(found.title(), found.description(), Priority.of(found.priority().label()),
				task.assignee(),
				task.dueAt() == null ? null
						: new Deadline(task.dueAt(),
								found.deadline() == null ? null : found.deadline().grain().name().toLowerCase(Locale.ROOT)),
				found.confidence(), evidence(found.evidence()));
	}


	private static List<Evidence> evidence(Map<String, Span> spans) {
		return spans.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> new Evidence(e.getKey(), e.getValue().start(), e.getValue().end(), e.getValue().text()))
			.toList();
	}
}

package com.whatsappflowhub.tasks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.MessageAnalyzed;
import com.whatsappflowhub.extraction.Span;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The pipeline step after analysis: each analysed message goes through {@link TaskIntake}. */
@Component
class AnalyzedMessages {

	private final TaskIntake intake;

	AnalyzedMessages(TaskIntake intake) {
		this.intake = intake;
	}

	@ApplicationModuleListener
	void on(MessageAnalyzed event) {
		if (event.tasks().isEmpty()) {
			return;
		}
		intake.intake(new TaskIntake.AnalyzedMessage(event.messageId(), event.conversationId(),
				event.sender().staffUser(), event.sender().role().name().toLowerCase(Locale.ROOT), event.sender().name(),
				event.text(), event.language(), event.actionable(), event.metadata().confidence(),
				event.metadata().modelVersion(),
				event.tasks().stream().map(AnalyzedMessages::proposed).toList()));
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

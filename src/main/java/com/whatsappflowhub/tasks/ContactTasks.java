package com.whatsappflowhub.tasks;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.inbox.ContactData;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.MessageId;
import org.springframework.stereotype.Component;

/**
 * The tasks' part of a data subject request: the tasks that came from the contact's messages (with their history
 * and comments) for the export; for the erasure, the text they quote replaced by a marker, each task recorded in the
 * audit trail. The tasks themselves stay (work done and figures counted).
 */
@Component
class ContactTasks implements ContactData {

	static final String MARKER = "[erased at the customer's request]";

	private final Tasks tasks;

	private final AuditLog audit;

	private final Clock clock;

	ContactTasks(Tasks tasks, AuditLog audit, Clock clock) {
		this.tasks = tasks;
		this.audit = audit;
		this.clock = clock;
	}

	record Exported(TaskView task, List<TaskManagement.HistoryLine> history, List<TaskManagement.Comment> comments) {
	}

	@Override
	public String section() {
		return "tasks";
	}

	@Override
	public Object export(Subject subject) {
		return ids(subject).stream()
			.map(tasks::findById)
			.flatMap(Optional::stream)
			.map(task -> new Exported(task.view(), tasks.history(task.id()), tasks.comments(task.id())))
			.toList();
	}

	@Override
	public int erase(Subject subject) {
		List<TaskId> ids = ids(subject);
		if (ids.isEmpty()) {
			return 0;
		}
		int changed = tasks.eraseSourceText(ids, MARKER, clock.instant());
		for (TaskId id : ids) {
			audit.change(subject.tenant(), "task.source-erased", "task:" + id.value(), "contact:" + subject.contact());
		}
		return changed;
	}

	private List<TaskId> ids(Subject subject) {
		return tasks.fromContact(subject.messages().stream().map(MessageId::value).toArray(UUID[]::new),
				subject.conversations().stream().map(ConversationId::value).toArray(UUID[]::new));
	}
}

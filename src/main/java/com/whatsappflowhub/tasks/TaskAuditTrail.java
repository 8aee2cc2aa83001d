package com.whatsappflowhub.tasks;

import java.util.TreeSet;

import com.whatsappflowhub.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every change of a task as a row of its tenant's audit trail: who (a user, a routing rule, the AI pipeline, an
 * integration, WhatsApp or the system), what, which task, when. Listens synchronously, in the transaction that changed
 * the task, so the row commits or rolls back with the change. The audit module knows nothing of tasks: it only
 * offers {@link AuditLog}.
 */
@Component
class TaskAuditTrail {

	private final AuditLog audit;

	TaskAuditTrail(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(TaskCreated event) {
		TaskView task = event.task();
		audit.changeBy(task.tenantId(), task.createdBy(), "task.created", target(task),
				"priority " + task.priority().code() + (task.suggested() ? ", suggested" : "")
						+ (task.sourceMessageId() == null ? "" : ", from message " + task.sourceMessageId()));
	}

	@EventListener
	void on(TaskUpdated event) {
		TaskView task = event.task();
		if (event.fields().contains("status")) {
			audit.changeBy(task.tenantId(), actor(event.by()), "task.status-changed", target(task), task.status().name());
		}
		TreeSet<String> others = new TreeSet<>(event.fields());
		others.remove("status");
		if (!others.isEmpty()) {
			audit.changeBy(task.tenantId(), actor(event.by()), "task.updated", target(task), String.join(" ", others));
		}
	}

	@EventListener
	void on(TaskAssigned event) {
		TaskView task = event.task();
		audit.changeBy(task.tenantId(), actor(event.by()), "task.assigned", target(task),
				(task.assigneeId() == null ? "unassigned" : "to user:" + task.assigneeId())
						+ (task.teamId() == null ? "" : ", team " + task.teamId()));
	}

	@EventListener
	void on(TaskCompleted event) {
		TaskView task = event.task();
		audit.changeBy(task.tenantId(), actor(event.by()), "task.status-changed", target(task), TaskStatus.DONE.name());
	}

	@EventListener
	void on(TaskCancelled event) {
		TaskView task = event.task();
		audit.changeBy(task.tenantId(), actor(event.by()), "task.status-changed", target(task), TaskStatus.CANCELLED.name());
	}

	@EventListener
	void on(TaskCommented event) {
		TaskView task = event.task();
		audit.changeBy(task.tenantId(), actor(event.by()), "task.commented", target(task),
				"comment " + event.comment().id());
	}

	private static String target(TaskView task) {
		return "task:" + task.id().value();
	}

	/** {@code user:<id>}, {@code rule:<id>}, {@code ai:<engine>}, {@code integration:<system>}, {@code whatsapp:<id>}. */
	static String actor(Actor by) {
		String type = by.type().name().toLowerCase();
		return by.id() == null ? type : type + ":" + by.id();
	}
}

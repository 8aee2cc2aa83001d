package com.whatsappflowhub.integrations;

import java.util.Set;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.tasks.Actor;
import com.whatsappflowhub.tasks.TaskAssigned;
import com.whatsappflowhub.tasks.TaskCancelled;
import com.whatsappflowhub.tasks.TaskCommented;
import com.whatsappflowhub.tasks.TaskCompleted;
import com.whatsappflowhub.tasks.TaskCreated;
import com.whatsappflowhub.tasks.TaskRouted;
import com.whatsappflowhub.tasks.TaskUpdated;
import com.whatsappflowhub.tasks.TaskView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns task events into sync work for the tenant's enabled connections, inside the transaction that changed the
 * task (the delivery engine records the work with it, so a crash loses nothing). Which tasks a connection gets is
 * decided when the call is made, on the task as it is then (rules have run by then).
 */
@Component
class TaskSync {

	private final Connections connections;

	private final ApplicationEventPublisher events;

	TaskSync(Connections connections, ApplicationEventPublisher events) {
		this.connections = connections;
		this.events = events;
	}

	@EventListener
	void on(TaskCreated created) {
		request(created.task(), SyncRequested.Operation.CREATE);
	}

	@EventListener
	void on(TaskUpdated updated) {
		if (Set.of("externalRefs").containsAll(updated.fields())) {
			return; // a link we made ourselves
		}
		request(updated.task(), SyncRequested.Operation.UPDATE);
	}

	@EventListener
	void on(TaskAssigned assigned) {
		request(assigned.task(), SyncRequested.Operation.UPDATE);
	}

	@EventListener
	void on(TaskCompleted completed) {
		request(completed.task(), SyncRequested.Operation.UPDATE);
	}

	@EventListener
	void on(TaskCancelled cancelled) {
		request(cancelled.task(), SyncRequested.Operation.UPDATE);
	}

	@EventListener
	void on(TaskRouted routed) {
		TaskView task = routed.task();
		for (Connections.Target connection : connections.enabledTargets()) {
			if (routed.connections().contains(connection.id().value())) {
				events.publishEvent(new SyncRequested(task.tenantId(), connection.id().value(), connection.type(),
						task.id().value(), SyncRequested.Operation.CREATE, true, null, null, null));
			}
		}
	}

	@EventListener
	void on(TaskCommented commented) {
		TaskView task = commented.task();
		for (Connections.Target connection : connections.enabledTargets()) {
			if (fromThere(commented.by(), connection)) {
				continue; // written in this tool: it has it
			}
			events.publishEvent(new SyncRequested(task.tenantId(), connection.id().value(), connection.type(),
					task.id().value(), SyncRequested.Operation.COMMENT, false, commented.comment().id(),
					commented.comment().authorId(), commented.comment().body()));
		}
	}

	private void request(TaskView task, SyncRequested.Operation operation) {
		TenantId tenant = task.tenantId();
		for (Connections.Target connection : connections.enabledTargets()) {
			events.publishEvent(new SyncRequested(tenant, connection.id().value(), connection.type(), task.id().value(),
					operation, false, null, null, null));
		}
	}

	/** What came in from a tool carries the tool's type as the actor's prefix: {@code jira:Jane Doe}. */
	static boolean fromThere(Actor by, Connections.Target connection) {
		return by.type() == Actor.Type.INTEGRATION && by.id() != null && by.id().startsWith(connection.type() + ":");
	}
}

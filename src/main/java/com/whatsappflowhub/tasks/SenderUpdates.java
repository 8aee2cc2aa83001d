package com.whatsappflowhub.tasks;

import java.util.List;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.platform.Stage;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.whatsapp.SenderNotificationRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells a customer when the task made from their message is done. */
@Component
class SenderUpdates implements Stage<TaskCompleted> {

	private static final Spec<TaskCompleted> SPEC = Spec.of("tasks.completion-notices", TaskCompleted.class);

	private final Directory directory;

	private final ApplicationEventPublisher events;

	SenderUpdates(Directory directory, ApplicationEventPublisher events) {
		this.directory = directory;
		this.events = events;
	}

	@Override
	public Spec<TaskCompleted> spec() {
		return SPEC;
	}

	@Override
	public void handle(List<TaskCompleted> events) {
		events.forEach(this::on);
	}

	private void on(TaskCompleted completed) {
		TaskView task = completed.task();
		if (task.sourceConversationId() == null || task.sourceSenderId() != null || task.suggested()) {
			return; // not from a customer's message
		}
		Directory.TenantSettings tenant = directory.settings();
		PipelineSettings settings = PipelineSettings.from(tenant.preferences());
		if (settings.notifySender()) {
			events.publishEvent(new SenderNotificationRequested(TenantContext.require(), task.sourceConversationId(),
					task.sourceMessageId(), TaskIntake.fill(settings.completedText(), task, tenant),
					"completed:" + task.id() + ":" + task.updatedAt().toEpochMilli()));
		}
	}
}

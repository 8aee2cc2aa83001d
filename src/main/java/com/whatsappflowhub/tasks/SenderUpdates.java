package com.whatsappflowhub.tasks;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.platform.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells a customer when the task made from their message is done. */
@Component
class SenderUpdates {

	private final Directory directory;

	private final ApplicationEventPublisher events;

	SenderUpdates(Directory directory, ApplicationEventPublisher events) {
		this.directory = directory;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(TaskCompleted completed) {
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

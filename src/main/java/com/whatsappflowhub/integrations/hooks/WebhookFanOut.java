package com.whatsappflowhub.integrations.hooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.whatsappflowhub.extraction.MessageAnalyzed;
import com.whatsappflowhub.inbox.MessageReceived;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.tasks.TaskAssigned;
import com.whatsappflowhub.tasks.TaskCancelled;
import com.whatsappflowhub.tasks.TaskCompleted;
import com.whatsappflowhub.tasks.TaskCreated;
import com.whatsappflowhub.tasks.TaskUpdated;
import com.whatsappflowhub.tasks.TaskView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears the task and message events in the publisher's transaction and, for each enabled endpoint of the tenant that
 * subscribed to the event, stores the message (its CloudEvent body fixed now, so every attempt and replay sends the
 * same bytes) and publishes a {@link WebhookDeliveryRequested}, which the delivery engine records in the same
 * transaction: the webhook exists exactly when the change does. A tenant without endpoints costs a map look-up.
 */
@Component
class WebhookFanOut {

	private final Subscriptions subscriptions;

	private final DeliveryLog log;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	WebhookFanOut(Subscriptions subscriptions, DeliveryLog log, ApplicationEventPublisher events, JsonMapper json,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.subscriptions = subscriptions;
		this.log = log;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@EventListener
	void on(TaskCreated event) {
		task(WebhookEventType.TASK_CREATED, event.task(), event.task().createdAt());
	}

	@EventListener
	void on(TaskUpdated event) {
		task(WebhookEventType.TASK_UPDATED, event.task(), event.task().updatedAt());
	}

	@EventListener
	void on(TaskAssigned event) {
		task(WebhookEventType.TASK_ASSIGNED, event.task(), event.task().updatedAt());
	}

	@EventListener
	void on(TaskCompleted event) {
		Instant at = event.task().completedAt();
		task(WebhookEventType.TASK_COMPLETED, event.task(), at == null ? event.task().updatedAt() : at);
	}

	@EventListener
	void on(TaskCancelled event) {
		task(WebhookEventType.TASK_CANCELLED, event.task(), event.task().updatedAt());
	}

	@EventListener
	void on(MessageReceived event) {
		fanOut(event.tenantId(), WebhookEventType.MESSAGE_RECEIVED, event.messageId().toString(), event.receivedAt(),
				event);
	}

	@EventListener
	void on(MessageAnalyzed event) {
		fanOut(event.tenantId(), WebhookEventType.MESSAGE_PROCESSED, event.messageId().toString(), event.timestamp(),
				event);
	}

	private void task(WebhookEventType type, TaskView task, Instant at) {
		fanOut(task.tenantId(), type, task.id().toString(), at, task);
	}

	private void fanOut(TenantId tenant, WebhookEventType type, String subject, Instant at, Object data) {
		List<WebhookEndpointId> endpoints = subscriptions.of(tenant, type);
		if (endpoints.isEmpty()) {
			return;
		}
		JsonNode payload = json.valueToTree(data);
		TenantContext.runAs(tenant, () -> transactions.executeWithoutResult(status -> {
			Instant now = clock.instant();
			for (WebhookEndpointId endpoint : endpoints) {
				String id = CloudEvents.newId();
				String body = CloudEvents.structured(json, id, type, tenant, subject, at, payload);
				log.add(endpoint, id, type, subject, body, null, now)
					.ifPresent(delivery -> events.publishEvent(new WebhookDeliveryRequested(tenant, delivery, endpoint.value())));
			}
		}));
	}
}

package com.whatsappflowhub.platform.internal.work;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantScoped;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a work item for every stage or delivery that wants a published event, in the publisher's transaction (or a
 * transaction of the event's tenant when there is none), and wakes the stage's workers on this replica after commit.
 */
@Component
class WorkRouter {

	private static final Object WAKE_KEY = new Object();

	private final Consumers consumers;

	private final WorkItems items;

	private final JsonMapper json;

	private final Signals signals;

	private final TransactionTemplate transactions;

	WorkRouter(Consumers consumers, WorkItems items, JsonMapper json, Signals signals,
			PlatformTransactionManager transactionManager) {
		this.consumers = consumers;
		this.items = items;
		this.json = json;
		this.signals = signals;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@EventListener
	void on(TenantScoped event) {
		List<Consumer> interested = consumers.of(event).stream().filter(consumer -> consumer.wants(event)).toList();
		if (interested.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			record(event, interested);
		}
		else {
			TenantContext.runAs(event.tenantId(), () -> transactions.executeWithoutResult(status -> record(event, interested)));
		}
	}

	private void record(TenantScoped event, List<Consumer> interested) {
		String payload = json.writeValueAsString(event);
		for (Consumer consumer : interested) {
			String key = consumer.key(event);
			items.insert(event.tenantId(), consumer.name(), key == null ? UUID.randomUUID().toString() : key,
					consumer.destination(event), event.getClass().getName(), payload);
			wakeAfterCommit(consumer.name());
		}
	}

	@SuppressWarnings("unchecked")
	private void wakeAfterCommit(String stage) {
		Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(WAKE_KEY);
		if (pending == null) {
			Set<String> stages = new java.util.LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(WAKE_KEY, stages);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_KEY);
					if (status == STATUS_COMMITTED) {
						stages.forEach(signals::wake);
					}
				}
			});
			pending = stages;
		}
		pending.add(stage);
	}
}

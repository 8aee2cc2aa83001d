package com.whatsappflowhub.platform.internal.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
 * Where this replica has room ({@link Handoff}), the item is written leased to it and handed to its workers in memory.
 */
@Component
class WorkRouter {

	private static final Object AFTER_COMMIT = new Object();

	private static final Duration HANDOFF_LEASE = Duration.ofSeconds(30);

	private final Consumers consumers;

	private final WorkItems items;

	private final JsonMapper json;

	private final Signals signals;

	private final TransactionTemplate transactions;

	private final Handoff handoff;

	WorkRouter(Consumers consumers, WorkItems items, JsonMapper json, Signals signals, Handoff handoff,
			PlatformTransactionManager transactionManager) {
		this.handoff = handoff;
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
			String itemKey = key == null ? UUID.randomUUID().toString() : key;
			String destination = consumer.destination(event);
			String type = event.getClass().getName();
			if (handoff.reserve(consumer)) {
				Optional<Long> id;
				try {
					id = items.insertLeased(event.tenantId(), consumer.name(), itemKey, destination, type, payload,
							handoffLease(consumer));
				}
				catch (RuntimeException ex) {
					handoff.cancel(consumer.name());
					throw ex;
				}
				if (id.isPresent()) {
					afterCommit().handed.add(new Handed(consumer.name(),
							new WorkItems.Claimed(id.get(), event.tenantId(), itemKey, destination, type, payload, 1)));
				}
				else {
					handoff.cancel(consumer.name());
				}
			}
			else {
				items.insert(event.tenantId(), consumer.name(), itemKey, destination, type, payload);
			}
			afterCommit().stages.add(consumer.name());
		}
	}

	/**
	 * How long an item handed over here stays leased to this replica before anyone else may claim it: the stage's
	 * lease, but never long, so that a crash strands nothing for more than that (a delivery makes its lease the
	 * connector's own just before its call).
	 */
	static Duration handoffLease(Consumer consumer) {
		return consumer.lease().compareTo(HANDOFF_LEASE) < 0 ? consumer.lease() : HANDOFF_LEASE;
	}

	private record Handed(String consumer, WorkItems.Claimed item) {
	}

	/** What the surrounding transaction recorded, for after its end. */
	private static final class AfterCommit {

		final Set<String> stages = new LinkedHashSet<>();

		final List<Handed> handed = new ArrayList<>();
	}

	private AfterCommit afterCommit() {
		AfterCommit pending = (AfterCommit) TransactionSynchronizationManager.getResource(AFTER_COMMIT);
		if (pending == null) {
			AfterCommit recorded = new AfterCommit();
			TransactionSynchronizationManager.bindResource(AFTER_COMMIT, recorded);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(AFTER_COMMIT);
					if (status == STATUS_COMMITTED) {
						recorded.handed.forEach(handed -> handoff.give(handed.consumer(), handed.item()));
						recorded.stages.forEach(signals::wake);
					}
					else {
						recorded.handed.forEach(handed -> handoff.cancel(handed.consumer()));
					}
				}
			});
			pending = recorded;
		}
		return pending;
	}
}

package com.whatsappflowhub.analytics;


import com.whatsappflowhub.tasks.Actor;
import com.whatsappflowhub.tasks.TaskCancelled;
import com.whatsappflowhub.tasks.TaskUpdated;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What people decide about the AI's suggestions, as metrics: {@code task_review_decisions_total{decision}} (a person
 * confirmed a suggestion, or cancelled one, which is how the review queue rejects it). Counted after the deciding
 * transaction commits; across replicas, sum the counters. The ratio the alert rules watch,
 * {@code task_extraction_accuracy_ratio{tenant}}, is the tasks module's, read from the task history so that it is
 * the same on every replica. The decisions
 * themselves are in the task history, where the analytics report's confirmation rate reads them for any period.
 */
@Component
class ReviewFeedback {

	private final Counter confirmed;

	private final Counter rejected;

	ReviewFeedback(MeterRegistry meters) {
		this.confirmed = Counter.builder("task_review_decisions")
			.tag("decision", "confirmed")
			.description("AI suggestions a person confirmed")
			.register(meters);
		this.rejected = Counter.builder("task_review_decisions")
			.tag("decision", "rejected")
			.description("AI suggestions a person rejected (cancelled)")
			.register(meters);

	}

	@EventListener
	void on(TaskUpdated event) {
		if (event.by().type() == Actor.Type.USER && event.fields().contains("suggested") && !event.task().suggested()) {
			afterCommit(true);
		}
	}

	@EventListener
	void on(TaskCancelled event) {
		if (event.by().type() == Actor.Type.USER && event.task().suggested()) {
			afterCommit(false);
		}
	}

	private void afterCommit(boolean confirmation) {
		Runnable count = () -> (confirmation ? confirmed : rejected).increment();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
	}
}

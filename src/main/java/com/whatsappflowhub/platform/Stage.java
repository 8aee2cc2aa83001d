package com.whatsappflowhub.platform;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A durable step of the pipeline that consumes one kind of event. Publishing such an event inside a transaction
 * (plain {@code ApplicationEventPublisher.publishEvent}) records a work item for every stage that {@link #wants} it,
 * in the same transaction; workers of the stage's own claim the items (any replica, one at a time, with a lease) and
 * call {@link #handle} in the events' tenant, inside one transaction that also completes the items. So work is never
 * lost to a crash (the lease ends and another worker takes it), a batch is one transaction, and a failing event is
 * retried alone with backoff until its last attempt, after which it is a visible dead letter
 * ({@code /api/v1/dead-letters}) that a person can replay or discard.
 *
 * <p>Handlers must be idempotent: an item whose worker died after committing its effects but before completing it
 * cannot happen (both are one transaction), but a replayed dead letter or a republished event can arrive again.
 */
public interface Stage<E extends TenantScoped> {

	Spec<E> spec();

	/** Whether this event is work for the stage at all (decided when it is published). */
	default boolean wants(E event) {
		return true;
	}

	/** A key that makes a second publication of the same work a no-op while the first is pending; null: none. */
	default @Nullable String key(E event) {
		return null;
	}

	/** Called in the events' tenant inside one transaction; events published here join that transaction. */
	void handle(List<E> events);

	/** The event's last attempt failed: it is a dead letter now. Called in its tenant, in a transaction. */
	default void deadLettered(E event, String error) {
	}

	/**
	 * @param name stable (stored with the work); by convention {@code module.step}
	 * @param batchSize how many items one worker claims and handles in one transaction
	 * @param workers how many threads of this replica work the stage
	 * @param maxAttempts attempts before an item becomes a dead letter
	 * @param lease how long a claimed item stays with its worker before another may take it
	 */
	record Spec<E>(String name, Class<E> type, int batchSize, int workers, int maxAttempts, Duration lease) {

		public static <E> Spec<E> of(String name, Class<E> type) {
			return new Spec<>(name, type, 16, 1, 8, Duration.ofSeconds(30));
		}

		public Spec<E> batchSize(int size) {
			return new Spec<>(name, type, size, workers, maxAttempts, lease);
		}

		public Spec<E> workers(int count) {
			return new Spec<>(name, type, batchSize, count, maxAttempts, lease);
		}
	}
}

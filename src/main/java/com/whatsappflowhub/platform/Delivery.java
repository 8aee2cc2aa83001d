package com.whatsappflowhub.platform;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A call to an external system (the Graph API, Jira, Slack, a customer's webhook...) as a durable delivery record.
 * Publishing the event inside a transaction records the delivery with it; the delivery engine's own workers (never the
 * pipeline's) make the call outside any transaction, in the event's tenant, with at most
 * {@link Spec#perDestination} calls in flight per {@link #destination} on this replica, a circuit breaker per
 * destination, exponential backoff with jitter (or the far end's {@code Retry-After}) between attempts, and a dead
 * letter after the last attempt or a permanent error, visible and replayable through {@code /api/v1/dead-letters}.
 *
 * <p>A crash after the record and before the call makes the call after the lease ends, so {@link #deliver} must be
 * idempotent for the far end (an idempotency key, or a look-up of what was sent).
 */
public interface Delivery<E extends TenantScoped> {

	Spec<E> spec();

	default boolean wants(E event) {
		return true;
	}

	/** A key that makes a second request for the same call a no-op while the first is pending; null: none. */
	default @Nullable String key(E event) {
		return null;
	}

	/** The far end, e.g. {@code whatsapp:<tenant>} or {@code jira:<connection>}: concurrency and breaker are per it. */
	String destination(E event);

	/** Makes the call; {@code attempt} counts from 1. Exceptions count as a transient failure. */
	Outcome deliver(E event, int attempt);

	/** The delivery is a dead letter now. Called in its tenant, in a transaction. */
	default void deadLettered(E event, String error) {
	}

	/** What became of one attempt. */
	sealed interface Outcome {

		Outcome DONE = new Done();

		static Outcome retry(String reason) {
			return new Retry(reason, null);
		}

		static Outcome retryAfter(String reason, Duration after) {
			return new Retry(reason, after);
		}

		static Outcome failed(String reason) {
			return new Failed(reason);
		}

		/** The far end has it. */
		record Done() implements Outcome {
		}

		/** Try again later: after the far end's {@code Retry-After} when given, else after the backoff. */
		record Retry(String reason, @Nullable Duration after) implements Outcome {
		}

		/** The far end refused it for good (a permanent error): a dead letter at once. */
		record Failed(String reason) implements Outcome {
		}
	}

	/**
	 * @param name the connector, stable (stored with the work and used as the metrics' {@code integration_type})
	 * @param workers threads of this replica for this connector
	 * @param perDestination calls in flight per destination on this replica
	 * @param maxAttempts attempts before a dead letter
	 * @param initialBackoff first pause; doubles per attempt up to {@code maxBackoff}, with jitter
	 * @param lease longer than the slowest call, so a call in flight is never taken by another worker
	 */
	record Spec<E>(String name, Class<E> type, int workers, int perDestination, int maxAttempts, Duration initialBackoff,
			Duration maxBackoff, Duration lease) {

		public static <E> Spec<E> of(String name, Class<E> type) {
			return new Spec<>(name, type, 8, 4, 10, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(3));
		}

		public Spec<E> maxAttempts(int attempts) {
			return new Spec<>(name, type, workers, perDestination, attempts, initialBackoff, maxBackoff, lease);
		}

		public Spec<E> backoff(Duration initial, Duration max) {
			return new Spec<>(name, type, workers, perDestination, maxAttempts, initial, max, lease);
		}

		public Spec<E> lease(Duration value) {
			return new Spec<>(name, type, workers, perDestination, maxAttempts, initialBackoff, maxBackoff, value);
		}
	}
}

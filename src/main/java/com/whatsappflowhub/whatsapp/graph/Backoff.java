package com.whatsappflowhub.whatsapp.graph;

import java.time.Duration;

/**
 * Bounded exponential backoff: attempt {@code n} (from 1) waits {@code initial * multiplier^(n-1)}, at most
 * {@code max}, and there are at most {@code maxAttempts} attempts in all.
 */
public record Backoff(int maxAttempts, Duration initial, Duration max, double multiplier) {

	public Backoff {
		if (maxAttempts < 1 || initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1.0) {
			throw new GraphFailure.InvalidBackoff("backoff needs maxAttempts >= 1, 0 <= initial <= max, multiplier >= 1");
		}
	}

	/** The wait after failed attempt {@code attempt} (1-based). */
	public Duration delayAfter(int attempt) {
		double millis = initial.toMillis() * Math.pow(multiplier, attempt - 1);
		return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
	}

	/** How the client waits between attempts; tests pass one that records instead of sleeping. */
	@FunctionalInterface
	public interface Sleeper {

		Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

		void sleep(Duration duration) throws InterruptedException;
	}
}

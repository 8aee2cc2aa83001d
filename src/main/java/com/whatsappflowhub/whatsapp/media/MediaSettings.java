package com.whatsappflowhub.whatsapp.media;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param directory where the file-system blob store keeps media ({@code flowhub.data-dir}/media)
 */
public record MediaSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration sweepInterval,
		Path directory) {

	/** The wait after failed attempt {@code attempt} (1-based): doubling, at most {@code maxBackoff}. */
	public Duration backoffAfter(int attempt) {
		long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 30);
		return millis <= 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
	}
}

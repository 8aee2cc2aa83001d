package com.whatsappflowhub.whatsapp.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

	@Test
	void doublesUpToItsBound() {
		Backoff backoff = new Backoff(8, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0);

		assertThat(IntStream.rangeClosed(1, 7).mapToObj(backoff::delayAfter)).containsExactly(Duration.ofSeconds(1),
				Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
				Duration.ofSeconds(30), Duration.ofSeconds(30));
	}

	@Test
	void staysBoundedForAttemptsFarBeyondTheLimit() {
		Backoff backoff = new Backoff(4, Duration.ofMillis(500), Duration.ofSeconds(10), 3.0);

		assertThat(backoff.delayAfter(10_000)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void refusesABackoffThatCouldNeverRun() {
		assertThatThrownBy(() -> new Backoff(0, Duration.ofSeconds(1), Duration.ofSeconds(2), 2.0))
			.isInstanceOf(GraphFailure.InvalidBackoff.class);
		assertThatThrownBy(() -> new Backoff(3, Duration.ofSeconds(5), Duration.ofSeconds(2), 2.0))
			.isInstanceOf(GraphFailure.InvalidBackoff.class);
		assertThatThrownBy(() -> new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5))
			.isInstanceOf(GraphFailure.InvalidBackoff.class);
	}
}

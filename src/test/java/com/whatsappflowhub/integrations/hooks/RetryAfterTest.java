package com.whatsappflowhub.integrations.hooks;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	@Test
	void readsSecondsAndHttpDatesWithinASecondAndAnHour() {
		assertThat(WebhookDeliveries.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
		assertThat(WebhookDeliveries.retryAfter("Mon, 02 Mar 2026 10:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
		assertThat(WebhookDeliveries.retryAfter("0", NOW)).isEqualTo(Duration.ofSeconds(1));
		assertThat(WebhookDeliveries.retryAfter("Mon, 02 Mar 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ofSeconds(1));
		assertThat(WebhookDeliveries.retryAfter("864000", NOW)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void ignoresWhatItCannotRead() {
		assertThat(WebhookDeliveries.retryAfter(null, NOW)).isNull();
		assertThat(WebhookDeliveries.retryAfter("soon", NOW)).isNull();
		assertThat(WebhookDeliveries.retryAfter(" ", NOW)).isNull();
	}
}

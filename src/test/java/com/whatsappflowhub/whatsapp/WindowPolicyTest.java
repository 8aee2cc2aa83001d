package com.whatsappflowhub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class WindowPolicyTest {

	static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	final WindowPolicy policy = new WindowPolicy(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void isOpenWhenTheCustomerWroteLessThan24HoursAgo() {
		Instant lastInbound = NOW.minus(Duration.ofHours(23).plusMinutes(59));
		assertThat(policy.windowFor(lastInbound).open()).isTrue();
		assertThat(policy.windowFor(lastInbound).closesAt()).isEqualTo(lastInbound.plus(Duration.ofHours(24)));
		assertThat(policy.allowsFreeForm(lastInbound)).isTrue();
	}

	@Test
	void isClosedExactly24HoursAfterTheLastInboundMessage() {
		assertThat(policy.allowsFreeForm(NOW.minus(Duration.ofHours(24)))).isFalse();
		assertThat(policy.allowsFreeForm(NOW.minus(Duration.ofHours(24)).plusMillis(1))).isTrue();
	}

	@Test
	void isClosedWhenTheCustomerNeverWrote() {
		assertThat(policy.windowFor(null).open()).isFalse();
		assertThat(policy.windowFor(null).closesAt()).isNull();
	}

	@Test
	void allowsTemplatesOutsideTheWindowButNotFreeForm() {
		Instant lastInbound = NOW.minus(Duration.ofDays(3));
		assertThat(policy.allows(true, lastInbound)).isTrue();
		assertThat(policy.allows(false, lastInbound)).isFalse();
		assertThat(policy.allows(true, null)).isTrue();
	}
}

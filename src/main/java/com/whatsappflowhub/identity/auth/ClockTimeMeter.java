package com.whatsappflowhub.identity.auth;

import java.time.Clock;
import java.time.Instant;

import io.github.bucket4j.TimeMeter;

/** bucket4j's time from the application's {@link Clock}, so that tests can move it. */
record ClockTimeMeter(Clock clock) implements TimeMeter {

	@Override
	public long currentTimeNanos() {
		Instant now = clock.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}
}

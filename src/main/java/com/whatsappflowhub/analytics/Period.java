package com.whatsappflowhub.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/** Whole days {@code [from, to]} in the tenant's time zone; at most 366 days. */
public record Period(LocalDate from, LocalDate to) {

	public static final int MAX_DAYS = 366;

	public Period {
		if (to.isBefore(from)) {
			throw new InvalidPeriod("to is before from");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw new InvalidPeriod("a period is at most " + MAX_DAYS + " days");
		}
	}

	/** The last {@code days} days up to {@code today}, or the given bounds where set. */
	public static Period of(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate today, int days) {
		LocalDate end = to == null ? today : to;
		return new Period(from == null ? end.minusDays(days - 1L) : from, end);
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}
}

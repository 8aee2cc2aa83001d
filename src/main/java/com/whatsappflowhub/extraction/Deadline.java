package com.whatsappflowhub.extraction;

import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * When a task is due, in the tenant's zone: either an instant with its grain ("Friday" = that day, grain
 * {@code DAY}) or an interval {@code [from, to)} ("tomorrow morning" = 08:00-12:00).
 */
public record Deadline(@Nullable ZonedDateTime value, Grain grain, @Nullable ZonedDateTime from,
		@Nullable ZonedDateTime to, @Nullable Span evidence) {

	/** The precision of a deadline. */
	public enum Grain {
		SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, INTERVAL
	}

	public Deadline {
		if (grain == Grain.INTERVAL ? (from == null || to == null) : value == null) {
			throw new IllegalArgumentException("a deadline is an instant with a grain or an interval");
		}
	}

	public static Deadline at(ZonedDateTime value, Grain grain, @Nullable Span evidence) {
		return new Deadline(value, grain, null, null, evidence);
	}

	public static Deadline between(ZonedDateTime from, ZonedDateTime to, @Nullable Span evidence) {
		return new Deadline(null, Grain.INTERVAL, from, to, evidence);
	}

	public boolean isInterval() {
		return grain == Grain.INTERVAL;
	}

	/** The latest moment that still meets the deadline: end of the day for a day grain, the instant for hours. */
	public ZonedDateTime end() {
		if (isInterval()) {
			return to;
		}
		return switch (grain) {
			case DAY -> value.plusDays(1);
			case WEEK -> value.plusWeeks(1);
			case MONTH -> value.plusMonths(1);
			case QUARTER -> value.plusMonths(3);
			case YEAR -> value.plusYears(1);
			default -> value;
		};
	}

	/** The first moment of the deadline (the instant, or the start of the interval). */
	public ZonedDateTime start() {
		return isInterval() ? from : value;
	}

	public Deadline withEvidence(@Nullable Span span) {
		return new Deadline(value, grain, from, to, span);
	}
}

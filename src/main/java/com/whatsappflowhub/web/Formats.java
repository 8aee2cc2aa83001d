package com.whatsappflowhub.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Times as the tenant reads them: in the tenant's zone, in the page's language. */
record Formats(ZoneId zone, Locale locale, Instant now) {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	public String when(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.format(instant.atZone(zone));
	}

	public String iso(@Nullable Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	/** The value of a {@code datetime-local} input. */
	public String input(@Nullable Instant instant) {
		return instant == null ? "" : INPUT.format(instant.atZone(zone));
	}

	public @Nullable Instant parseInput(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return LocalDateTime.parse(value.trim(), INPUT).atZone(zone).toInstant();
	}

	public boolean overdue(@Nullable Instant deadline) {
		return deadline != null && !deadline.isAfter(now);
	}

	public boolean dueSoon(@Nullable Instant deadline) {
		return deadline != null && deadline.isAfter(now) && deadline.isBefore(now.plus(Duration.ofHours(24)));
	}

	/** Whole hours until {@code instant}, at least 0 (for "closes in 3 h"). */
	public long hoursUntil(@Nullable Instant instant) {
		return instant == null ? 0 : Math.max(0, Duration.between(now, instant).toHours());
	}

	public long minutesUntil(@Nullable Instant instant) {
		return instant == null ? 0 : Math.max(0, Duration.between(now, instant).toMinutes());
	}
}

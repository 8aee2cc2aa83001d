package com.whatsappflowhub.extraction.eval;

import com.whatsappflowhub.extraction.Deadline;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Scores a predicted deadline against a gold one as {@code shared/eval/README.md} says: a value with a grain
 * matches when the prediction truncated to that grain equals it; an interval matches when it holds the
 * prediction's start; a gold {@code null} matches only no prediction.
 */
public final class DeadlineScoring {

	private DeadlineScoring() {
	}

	public static boolean matches(@Nullable JsonNode gold, @Nullable Deadline predicted) {
		if (gold == null || gold.isNull()) {
			return predicted == null;
		}
		if (predicted == null) {
			return false;
		}
		ZonedDateTime start = predicted.start();
		if (gold.has("from")) {
			OffsetDateTime from = OffsetDateTime.parse(gold.get("from").asString());
			OffsetDateTime to = OffsetDateTime.parse(gold.get("to").asString());
			OffsetDateTime p = start.toOffsetDateTime();
			return !p.isBefore(from) && p.isBefore(to);
		}
		OffsetDateTime value = OffsetDateTime.parse(gold.get("value").asString());
		String grain = gold.path("grain").asString("second");
		OffsetDateTime p = start.toOffsetDateTime().withOffsetSameInstant(value.getOffset());
		return truncate(p, grain).isEqual(value);
	}

	static OffsetDateTime truncate(OffsetDateTime t, String grain) {
		return switch (grain) {
			case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
			case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
			case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
			case "day" -> t.truncatedTo(ChronoUnit.DAYS);
			case "week" -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case "month" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
			case "quarter" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
				.withMonth(((t.getMonthValue() - 1) / 3) * 3 + 1);
			case "year" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
			default -> t;
		};
	}
}

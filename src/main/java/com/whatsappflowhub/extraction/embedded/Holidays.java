package com.whatsappflowhub.extraction.embedded;

import com.joestelmach.natty.DateGroup;
import com.joestelmach.natty.Parser;
import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.Deadline.Grain;
import com.whatsappflowhub.extraction.Span;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Named days. Easter and the feasts that move with it are computed here (natty does not know them); the
 * civil holidays natty knows (Thanksgiving, Mother's Day, Memorial Day...) go to natty. Only called when the
 * text names a holiday, so ordinary messages never pay for natty.
 */
final class Holidays {

	private static final Pattern EASTER_BASED = Pattern.compile("(?<![\\p{L}])(?:(next|this) )?(orthodox easter|easter monday|easter sunday|easter"
			+ "|good friday|holy saturday|palm sunday|branch sunday|pentecost|whitsunday|whit sunday|white sunday|whit monday"
			+ "|monday of the holy spirit|mardi gras|pancake day|shrove tuesday|ash wednesday|ascension day|lent"
			+ "|mothering sunday|lazarus saturday|corpus christi)(?: (\\d{4}))?(?![\\p{L}])");

	private static final Pattern NATTY_GATE = Pattern.compile("(?<![\\p{L}])(?:christmas|xmas|thanksgiving|halloween|valentine"
			+ "|new year|mother'?s day|mothers day|father'?s day|fathers day|memorial day|labou?r day|independence day"
			+ "|veterans? day|president'?s? day|presidents' day|tax day|patrick'?s day|paddy'?s day|mlk|martin luther|columbus day"
			+ "|groundhog|april fool|earth day|boxing day|black friday|cyber monday|election day|flag day|inauguration)");

	/** natty's parser is costly to build and not thread-safe: one per thread and zone. */
	private static final ThreadLocal<java.util.Map<String, Parser>> PARSERS = ThreadLocal.withInitial(java.util.HashMap::new);

	static {
		// natty logs every token stream at INFO; that costs milliseconds per message on a console
		if (org.slf4j.LoggerFactory.getLogger("com.joestelmach.natty") instanceof ch.qos.logback.classic.Logger natty
				&& natty.getLevel() == null) {
			natty.setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

	private Holidays() {
	}

	private static Parser parser(ZonedDateTime ref) {
		return PARSERS.get().computeIfAbsent(ref.getZone().getId(), id -> new Parser(TimeZone.getTimeZone(ref.getZone())));
	}

	static boolean mentionsHoliday(String folded) {
		return EASTER_BASED.matcher(folded).find() || NATTY_GATE.matcher(folded).find();
	}

	static DeadlineParser.@Nullable Found find(String text, String folded, ZonedDateTime ref, Locale locale) {
		Matcher m = EASTER_BASED.matcher(folded);
		if (m.find()) {
			return easterBased(text, m, ref, locale);
		}
		if (NATTY_GATE.matcher(folded).find()) {
			return natty(text, ref);
		}
		return null;
	}

	private static DeadlineParser.Found easterBased(String text, Matcher m, ZonedDateTime ref, Locale locale) {
		String name = m.group(2);
		Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3));
		int y = year != null ? year : ref.getYear();
		var span = new Span(m.start(), m.end(), text.substring(m.start(), m.end()));
		for (int attempt = 0; attempt < 2; attempt++) {
			boolean orthodox = name.startsWith("orthodox") || name.equals("lazarus saturday");
			LocalDate easter = orthodox ? orthodoxEaster(y) : westernEaster(y);
			LocalDate day;
			LocalDate to = null;
			switch (name) {
				case "easter monday", "whit monday", "monday of the holy spirit" -> day = name.equals("easter monday")
						? easter.plusDays(1) : easter.plusDays(50);
				case "good friday" -> day = easter.minusDays(2);
				case "holy saturday" -> day = easter.minusDays(1);
				case "lazarus saturday" -> day = easter.minusDays(8);
				case "palm sunday", "branch sunday" -> day = easter.minusDays(7);
				case "pentecost", "whitsunday", "whit sunday", "white sunday" -> day = easter.plusDays(49);
				case "mardi gras", "pancake day", "shrove tuesday" -> day = easter.minusDays(47);
				case "ash wednesday" -> day = easter.minusDays(46);
				case "ascension day" -> day = easter.plusDays(39);
				case "corpus christi" -> day = easter.plusDays(60);
				case "mothering sunday" -> day = easter.minusDays(21);
				case "lent" -> {
					day = easter.minusDays(46);
					to = easter;
				}
				default -> day = easter;
			}
			if (year == null && day.isBefore(ref.toLocalDate()) && attempt == 0) {
				y++;
				continue;
			}
			var zone = ref.getZone();
			Deadline deadline = to == null ? Deadline.at(day.atStartOfDay(zone), Grain.DAY, span)
					: Deadline.between(day.atStartOfDay(zone), to.atStartOfDay(zone), span);
			return new DeadlineParser.Found(span, deadline);
		}
		throw new IllegalStateException("unreachable");
	}

	/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
	static LocalDate westernEaster(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

	/** Meeus' Julian algorithm, converted to the Gregorian calendar. */
	static LocalDate orthodoxEaster(int year) {
		int a = year % 4;
		int b = year % 7;
		int c = year % 19;
		int d = (19 * c + 15) % 30;
		int e = (2 * a + 4 * b - d + 34) % 7;
		int month = (d + e + 114) / 31;
		int day = ((d + e + 114) % 31) + 1;
		return LocalDate.of(year, month, day).plusDays(13);
	}

	private static DeadlineParser.@Nullable Found natty(String text, ZonedDateTime ref) {
		List<DateGroup> groups;
		try {
			groups = parser(ref).parse(text, Date.from(ref.toInstant()));
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (groups.isEmpty() || groups.get(0).getDates().isEmpty()) {
			return null;
		}
		DateGroup group = groups.get(0);
		LocalDate day = group.getDates().get(0).toInstant().atZone(ref.getZone()).toLocalDate();
		boolean explicitYear = text.matches("(?s).*\\b\\d{4}\\b.*");
		if (!explicitYear && day.isBefore(ref.toLocalDate())) {
			groups = parser(ref).parse(text,
					Date.from(ref.withDayOfYear(1).plusYears(1).toInstant()));
			if (!groups.isEmpty() && !groups.get(0).getDates().isEmpty()) {
				day = groups.get(0).getDates().get(0).toInstant().atZone(ref.getZone()).toLocalDate();
			}
		}
		int start = Math.max(0, group.getPosition() - 1);
		int end = Math.min(text.length(), start + group.getText().length());
		var span = new Span(start, end, text.substring(start, end));
		return new DeadlineParser.Found(span, Deadline.at(day.atStartOfDay(ref.getZone()), Grain.DAY, span));
	}
}

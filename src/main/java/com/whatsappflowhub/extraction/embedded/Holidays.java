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


	/** A holiday computed by rule for a year and the tenant's locale. */
	private record Rule(Pattern name, java.util.function.BiFunction<Integer, String, @Nullable LocalDate> date) {
	}

	private static LocalDate nth(int year, int month, int n, java.time.DayOfWeek dow) {
		return LocalDate.of(year, month, 1).with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(n, dow));
	}

	private static LocalDate last(int year, int month, java.time.DayOfWeek dow) {
		return LocalDate.of(year, month, 1).with(java.time.temporal.TemporalAdjusters.lastInMonth(dow));
	}

	private static LocalDate usThanksgiving(int year) {
		return nth(year, 11, 4, java.time.DayOfWeek.THURSDAY);
	}

	/** A name that is a holiday on its own ("halloween"). */
	private static Rule rule(String names, java.util.function.BiFunction<Integer, String, @Nullable LocalDate> date) {
		return new Rule(Pattern.compile("(?<![\\p{L}])(?:(next|this|upcoming) )?(?:" + names + ")(?: day)?(?:,? (?:of )?(\\d{4}|next year))?(?![\\p{L}])"), date);
	}

	/** A name that is a holiday only when followed by "day" ("labour day", not "labour"). */
	private static Rule dayRule(String names, java.util.function.BiFunction<Integer, String, @Nullable LocalDate> date) {
		return new Rule(Pattern.compile("(?<![\\p{L}])(?:(next|this|upcoming) )?(?:national )?(?:" + names + ") day(?:,? (?:of |in )?(\\d{4}|next year))?(?![\\p{L}])"), date);
	}

	private static final java.time.DayOfWeek MON = java.time.DayOfWeek.MONDAY;

	private static final java.time.DayOfWeek SUN = java.time.DayOfWeek.SUNDAY;

	private static final List<Rule> RULES = List.of(
			rule("valentine'?s?|saint valentine'?s?|st\\.? valentine'?s?", (y, c) -> LocalDate.of(y, 2, 14)),
			rule("(?:saint|st\\.?) (?:patrick|paddy)'?s?", (y, c) -> LocalDate.of(y, 3, 17)),
			rule("april fools'?", (y, c) -> LocalDate.of(y, 4, 1)),
			dayRule("earth", (y, c) -> LocalDate.of(y, 4, 22)),
			dayRule("anzac", (y, c) -> LocalDate.of(y, 4, 25)),
			dayRule("lei|law|loyalty|may", (y, c) -> LocalDate.of(y, 5, 1)),
			dayRule("canada|dominion", (y, c) -> LocalDate.of(y, 7, 1)),
			rule("orangemen'?s day|(?:the )?glorious twelfth|the twelfth", (y, c) -> LocalDate.of(y, 7, 12)),
			dayRule("bastille", (y, c) -> LocalDate.of(y, 7, 14)),
			rule("halloween", (y, c) -> LocalDate.of(y, 10, 31)),
			rule("guy fawkes|bonfire night", (y, c) -> LocalDate.of(y, 11, 5)),
			dayRule("veterans?|veteran'?s|remembrance|armistice", (y, c) -> LocalDate.of(y, 11, 11)),
			rule("christmas eve|xmas eve", (y, c) -> LocalDate.of(y, 12, 24)),
			rule("christmas|xmas|christmas day", (y, c) -> LocalDate.of(y, 12, 25)),
			dayRule("boxing", (y, c) -> LocalDate.of(y, 12, 26)),
			rule("new year'?s? eve", (y, c) -> LocalDate.of(y, 12, 31)),
			rule("new year'?s?", (y, c) -> LocalDate.of(y, 1, 1)),
			dayRule("kruger", (y, c) -> LocalDate.of(y, 10, 10)),
			rule("(?:the )?day of (?:the )?(?:vow|covenant|reconciliation)", (y, c) -> LocalDate.of(y, 12, 16)),
			dayRule("rizal", (y, c) -> LocalDate.of(y, 12, 30)),
			dayRule("vimy ridge", (y, c) -> LocalDate.of(y, 4, 9)),
			dayRule("(?:national )?siblings?", (y, c) -> LocalDate.of(y, 4, 10)),
			dayRule("indian arrival", (y, c) -> LocalDate.of(y, 5, 30)),
			rule("(?:abraham )?lincoln'?s'? birthday|lincolns' birthday", (y, c) -> LocalDate.of(y, 2, 12)),
			dayRule("boss'?s?|national boss'?s?", (y, c) -> {
				LocalDate d = LocalDate.of(y, 10, 16);
				return d.getDayOfWeek() == SUN ? d.plusDays(1) : d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? d.minusDays(1) : d;
			}),
			rule("mlk|martin luther king'?s?(?: jr\\.?)?|martin luther kings", (y, c) -> nth(y, 1, 3, MON)),
			dayRule("presidents?'?|president'?s|george washington|washington'?s birthday|daisy gatson bates",
					(y, c) -> nth(y, 2, 3, MON)),
			dayRule("family|louis riel|islander|(?:nova scotia )?heritage", (y, c) -> nth(y, 2, 3, MON)),
			dayRule("memorial|decoration", (y, c) -> last(y, 5, MON)),
			dayRule("victoria|sovereign'?s birthday|national patriots'?", (y, c) -> LocalDate.of(y, 5, 24)
				.with(java.time.temporal.TemporalAdjusters.previousOrSame(MON))),
			dayRule("civic holiday|natal|saskatchewan|british columbia|new brunswick|terry fox", (y, c) -> nth(y, 8, 1, MON)),
			dayRule("columbus", (y, c) -> nth(y, 10, 2, MON)),
			dayRule("(?:national )?grandparents'?", (y, c) -> nth(y, 9, 1, MON).plusDays(6)),
			dayRule("daylight savings? start", (y, c) -> nth(y, 3, 2, SUN)),
			dayRule("daylight savings? end", (y, c) -> nth(y, 11, 1, SUN)),
			dayRule("military spouse", (y, c) -> nth(y, 5, 2, SUN).minusDays(2)),
			rule("black friday", (y, c) -> usThanksgiving(y).plusDays(1)),
			rule("cyber monday", (y, c) -> usThanksgiving(y).plusDays(4)),
			rule("thanksgiving", (y, c) -> c.equals("CA") ? nth(y, 10, 2, MON) : usThanksgiving(y)),
			dayRule("labou?r", (y, c) -> switch (c) {
				case "GB", "IE" -> nth(y, 5, 1, MON);
				case "AU" -> nth(y, 10, 1, MON);
				case "NZ" -> nth(y, 10, 4, MON);
				case "US", "CA", "" -> nth(y, 9, 1, MON);
				default -> LocalDate.of(y, 5, 1);
			}),
			dayRule("mother'?s|mothers'?", (y, c) -> c.equals("GB") ? westernEaster(y).minusDays(21)
					: nth(y, 5, 2, SUN)),
			dayRule("father'?s|fathers'?", (y, c) -> c.equals("AU") || c.equals("NZ") ? nth(y, 9, 1, SUN)
					: nth(y, 6, 3, SUN)),
			dayRule("admins?|administrative professionals?'?s?'?|administrative professional'?s|secretaries'?", (y, c) -> {
				// Wednesday of the last full week (Sunday to Saturday) of April
				LocalDate lastSaturday = last(y, 4, java.time.DayOfWeek.SATURDAY);
				return lastSaturday.minusDays(3);
			}),
			dayRule("tax", (y, c) -> {
				LocalDate d = LocalDate.of(y, 4, 15);
				return d.getDayOfWeek() == SUN ? d.plusDays(1) : d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? d.plusDays(2) : d;
			}),
			rule("civic holiday", (y, c) -> nth(y, 8, 1, MON)),
			rule("washington'?s birthday", (y, c) -> nth(y, 2, 3, MON)),
			rule("sovereign'?s birthday", (y, c) -> LocalDate.of(y, 5, 24).with(java.time.temporal.TemporalAdjusters.previousOrSame(MON))),
			dayRule("independence", (y, c) -> switch (c) {
				case "IN" -> LocalDate.of(y, 8, 15);
				case "PH" -> LocalDate.of(y, 6, 12);
				case "JM" -> LocalDate.of(y, 8, 6);
				case "TT" -> LocalDate.of(y, 8, 31);
				case "BZ" -> LocalDate.of(y, 9, 21);
				default -> LocalDate.of(y, 7, 4);
			}),
			rule("shivaji jayanti", (y, c) -> LocalDate.of(y, 2, 19)),
			rule("maattu pongal|mattu pongal", (y, c) -> LocalDate.of(y, 1, 15)),
			rule("thai pongal|pongal", (y, c) -> LocalDate.of(y, 1, 14)),
			rule("(?:abraham )?lincoln'?s'? birthday|lincolns' birthday|lincoln birthday", (y, c) -> LocalDate.of(y, 2, 12)),
			rule("daylight savings? start", (y, c) -> nth(y, 3, 2, SUN)),
			rule("daylight savings? end", (y, c) -> nth(y, 11, 1, SUN)),
			rule("(?:late )?(?:august|summer) bank holiday", (y, c) -> c.equals("IE") ? nth(y, 8, 1, MON) : last(y, 8, MON)),
			rule("super tuesday", (y, c) -> nth(y + ((4 - y % 4) % 4), 3, 1, java.time.DayOfWeek.TUESDAY)),
			rule("koningsdag|king'?s day", (y, c) -> {
				LocalDate d = LocalDate.of(y, 4, 27);
				return d.getDayOfWeek() == SUN ? d.minusDays(1) : d;
			}));

	/** All rule names in one pattern: one scan per message instead of one per rule. */
	private static final Pattern ANY_RULE = Pattern.compile(RULES.stream()
		.map(r -> "(?:" + r.name().pattern() + ")")
		.collect(java.util.stream.Collectors.joining("|")));

	static DeadlineParser.@Nullable Found byRule(String text, String folded, ZonedDateTime ref, Locale locale) {
		for (Rule r : RULES) {
			Matcher m = r.name().matcher(folded);
			if (!m.find()) {
				continue;
			}
			String country = locale.getCountry();
			String yearText = m.group(2);
			int year = yearText == null ? ref.getYear()
					: yearText.equals("next year") ? ref.getYear() + 1 : Integer.parseInt(yearText);
			LocalDate day = r.date().apply(year, country);
			if (day == null) {
				continue;
			}
			if (yearText == null && day.isBefore(ref.toLocalDate())) {
				day = r.date().apply(year + 1, country);
			}
			var span = new Span(m.start(), m.end(), text.substring(m.start(), m.end()));
			return new DeadlineParser.Found(span, Deadline.at(day.atStartOfDay(ref.getZone()), Grain.DAY, span));
		}
		return null;
	}


	/** A holiday name in the text (without "next" or a year around it) and its date in any year. */
	record Named(int start, int end, java.util.function.IntFunction<@Nullable LocalDate> date) {
	}

	/** The names of the holidays computed by rule, for the time grammar to combine ("the day after Labor Day"). */
	static List<Named> names(String folded, Locale locale) {
		if (!ANY_RULE.matcher(folded).find()) {
			return List.of();
		}
		String country = locale.getCountry();
		var out = new java.util.ArrayList<Named>();
		for (Rule r : RULES) {
			Matcher m = r.name().matcher(folded);
			while (m.find()) {
				int start = m.group(1) != null ? m.end(1) + 1 : m.start();
				int end = m.group(2) != null ? folded.lastIndexOf(' ', m.start(2) - 1) : m.end();
				String core = folded.substring(start, end).replaceAll(",?\\s+of$", "").replaceAll(",$", "");
				end = start + core.length();
				int s0 = start;
				int e0 = end;
				if (out.stream().noneMatch(n -> n.start() < e0 && s0 < n.end())) {
					out.add(new Named(start, end, y -> r.date().apply(y, country)));
				}
			}
		}
		return out;
	}

	static boolean mentionsHoliday(String folded) {
		return LUNAR_GATE.matcher(folded).find() || EASTER_BASED.matcher(folded).find() || NATTY_GATE.matcher(folded).find()
				|| ANY_RULE.matcher(folded).find();
	}

	private static final Pattern LUNAR_GATE = Pattern.compile("(?<![\\p{L}])(?:eid|id ul|bakr|sacrifice|islamic|hijri|amun|ashura"
			+ "|ashoura|isra|prophet|night journey|ascension to heaven|mi'raj|mawlid|milad|laylat|night of power|shab|ramadan|ramzan"
			+ "|ramzaan|ramadhan|jamat|jumu|alvida|rosh|jewish|yom kippur|sukkot|succot|tabernacles|shemini|simchat|simhat"
			+ "|chanuk|hanuk|hannuk|tu b|purim|passover|pesach|lag b|shavu|tisha|kurban|bakri|arabic new)");

	static DeadlineParser.@Nullable Found find(String text, String folded, ZonedDateTime ref, Locale locale) {
		if (LUNAR_GATE.matcher(folded).find()) {
			DeadlineParser.Found lunar = LunarHolidays.find(text, folded, ref);
			if (lunar != null) {
				return lunar;
			}
		}
		Matcher m = EASTER_BASED.matcher(folded);
		if (m.find()) {
			return easterBased(text, m, ref, locale);
		}
		DeadlineParser.Found ruled = byRule(text, folded, ref, locale);
		if (ruled != null) {
			return ruled;
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

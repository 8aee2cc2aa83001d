package com.whatsappflowhub.extraction.embedded;

import com.ibm.icu.util.HebrewCalendar;
import com.ibm.icu.util.IslamicCalendar;
import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.Deadline.Grain;
import com.whatsappflowhub.extraction.Span;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Islamic holidays (Umm al-Qura calendar) and Jewish holidays (Hebrew calendar, from the evening before, as
 * they are observed), computed with ICU for any year.
 */
final class LunarHolidays {

	private record Holiday(Pattern name, boolean hebrew, int month, int day, int length, boolean lastFridayBefore) {
	}

	private static Holiday islamic(String names, int month, int day, int length) {
		return new Holiday(pattern(names), false, month, day, length, false);
	}

	private static Holiday hebrew(String names, int month, int day, int length) {
		return new Holiday(pattern(names), true, month, day, length, false);
	}

	private static Pattern pattern(String names) {
		return Pattern.compile("(?<![\\p{L}])(?:(?:next|this|upcoming) )?(?:" + names + ")(?:,? (?:of |in )?(\\d{4}))?(?![\\p{L}])");
	}

	private static final List<Holiday> HOLIDAYS = List.of(
			islamic("eid al-fitr|eid al fitr|eid ul-fitr|eid-ul-fitr|id ul-fitr|eid ul fitr|ramadan bayram", 10, 1, 0),
			islamic("eid al-adha|eid al adha|eid ul-adha|id ul-adha|eid ul adha|bakr id|bakrid|bakri eid|sacrifice feast"
					+ "|feast of (?:the )?sacrifice|kurban bayram", 12, 10, 0),
			islamic("islamic new year|hijri new year|amun jadid|arabic new year", 1, 1, 0),
			islamic("(?:the )?day of ashura|ashura|ashoura", 1, 10, 0),
			islamic("isra and mi'raj|isra and miraj|isra mi'raj|al-isra wal-mi'raj|(?:the )?prophet'?s ascension"
					+ "|(?:the )?night journey|ascension to heaven|lailat al mi'raj|shab-e-meraj", 7, 27, 0),
			islamic("mawlid|milad un nabi|mawlid al-nabi|(?:the )?prophet'?s birthday", 3, 12, 0),
			islamic("laylat al-qadr|laylat al qadr|night of power|shab-e-qadr", 9, 27, 0),
			islamic("ramadan|ramzan|ramzaan|ramadhan", 9, 1, -1),
			new Holiday(pattern("jamat ul-vida|jamat-ul-vida|jumu'atul-wida|jumuatul wida|alvida jumma"), false, 10, 1, 0,
					true),
			hebrew("rosh hashanah|rosh hashana|rosh hashanna|rosh ha-shanah|jewish new year", HebrewCalendar.TISHRI, 1, 3),
			hebrew("yom kippur", HebrewCalendar.TISHRI, 10, 0),
			hebrew("sukkot|succot|feast of tabernacles", HebrewCalendar.TISHRI, 15, 8),
			hebrew("shemini atzeret", HebrewCalendar.TISHRI, 22, 0),
			hebrew("simchat torah|simhat torah", HebrewCalendar.TISHRI, 23, 0),
			hebrew("chanukah|chanukkah|hanukkah|hanukah|hannukkah|hanuka|chanuka", HebrewCalendar.KISLEV, 25, 8),
			hebrew("tu bishvat|tu b'shevat", HebrewCalendar.SHEVAT, 15, 0),
			hebrew("purim", HebrewCalendar.ADAR, 14, 0),
			hebrew("passover|pesach", HebrewCalendar.NISAN, 15, 8),
			hebrew("lag b'?omer|lag baomer", HebrewCalendar.IYAR, 18, 0),
			hebrew("shavuot|shavuos", HebrewCalendar.SIVAN, 6, 2),
			hebrew("tisha b'?av", HebrewCalendar.AV, 9, 0));

	private LunarHolidays() {
	}

	static DeadlineParser.@Nullable Found find(String text, String folded, ZonedDateTime ref) {
		for (Holiday h : HOLIDAYS) {
			Matcher m = h.name().matcher(folded);
			if (!m.find()) {
				continue;
			}
			Integer year = m.group(1) == null ? null : Integer.parseInt(m.group(1));
			int y = year != null ? year : ref.getYear();
			LocalDate start = date(h, y);
			if (start == null) {
				continue;
			}
			if (year == null && start.isBefore(ref.toLocalDate())) {
				LocalDate next = date(h, y + 1);
				start = next == null ? start : next;
			}
			LocalDate end = h.length() > 0 ? start.plusDays(h.length())
					: h.length() < 0 ? nextMonthStart(h, start) : null;
			var span = new Span(m.start(), m.end(), text.substring(m.start(), m.end()));
			var zone = ref.getZone();
			Deadline deadline = end == null ? Deadline.at(start.atStartOfDay(zone), Grain.DAY, span)
					: Deadline.between(start.atStartOfDay(zone), end.atStartOfDay(zone), span);
			return new DeadlineParser.Found(span, deadline);
		}
		return null;
	}

	private static @Nullable LocalDate date(Holiday h, int gregorianYear) {
		if (h.hebrew()) {
			for (int hy = gregorianYear + 3760; hy <= gregorianYear + 3761; hy++) {
				HebrewCalendar c = new HebrewCalendar();
				c.clear();
				c.set(hy, h.month(), h.day());
				LocalDate d = toDate(c.getTimeInMillis());
				if (d.getYear() == gregorianYear) {
					return d.minusDays(1);
				}
			}
			return null;
		}
		int guess = (int) Math.round((gregorianYear - 622) * 1.0307);
		for (int hy = guess - 2; hy <= guess + 2; hy++) {
			IslamicCalendar c = new IslamicCalendar();
			c.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
			c.clear();
			c.set(hy, h.month() - 1, h.day());
			LocalDate d = toDate(c.getTimeInMillis());
			if (h.lastFridayBefore()) {
				d = d.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
			}
			if (d.getYear() == gregorianYear) {
				return d;
			}
		}
		return null;
	}

	private static LocalDate nextMonthStart(Holiday h, LocalDate start) {
		IslamicCalendar c = new IslamicCalendar();
		c.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
		c.setTimeInMillis(start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
		c.add(IslamicCalendar.MONTH, 1);
		return toDate(c.getTimeInMillis());
	}

	private static LocalDate toDate(long millis) {
		return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
	}
}

package com.whatsappflowhub.extraction.eval;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of a date/time expression, read from its structure alone (which classes of token it is built from,
 * not which phrase it is), so that a scored file can be cut into groups of one kind and a whole kind held out:
 * the figure on kinds whose misses nobody read predicts what the grammar does on a set whose mix of kinds differs.
 * The first kind in {@link #KINDS} whose test accepts the text wins.
 */
public final class ExpressionKind {

	private ExpressionKind() {
	}

	private record Kind(String name, Pattern test) {
	}

	private static final String NUM = "(?:\\d+(?:[.,]\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
			+ "|fifteen|twenty|thirty|forty|fifty|half|a couple|a few|several)";

	private static final String UNIT = "(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|wks?|months?|years?|yrs?"
			+ "|fortnights?|quarters?)";

	private static final String WEEKDAY = "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*";

	private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";

	private static final String ORD = "(?:\\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|last|final|next to last)";

	private static final List<Kind> KINDS = List.of(
			kind("now", "^\\W*(?:(?:right|just) )?(?:now|immediately|right away|at the moment|currently|atm|rn)\\W*$"),
			kind("offset", "\\b(?:in|after|before)\\s+(?:the next\\s+)?" + NUM + "(?:\\s+and a half)?\\s+" + UNIT + "\\b|\\b" + NUM + "\\s+"
					+ UNIT + "\\s+(?:ago|from now|hence|later|after|before|from)\\b"),
			kind("interval", "\\b(?:from|between|through|thru|until|till|within)\\b|\\d\\s*-\\s*\\d|\\bto\\b.*\\b(?:\\d|" + WEEKDAY + "|" + MONTH + ")"),
			kind("nth-of", "\\b" + ORD + "\\s+(?:" + WEEKDAY + "|" + UNIT + "|weekend)\\s+(?:of|in)\\b"),
			kind("quarter", "\\bq[1-4]\\b|\\d{2,4}q[1-4]|\\bquarter\\b"),
			kind("season", "\\b(?:summer|winter|spring|autumn|fall)\\b"),
			kind("clock", "\\d[:.]\\d\\d|\\d\\s*(?:am|pm|a\\.m|p\\.m|h\\b)|\\b(?:noon|midnight|o'?clock|oclock|quarter past|half past)\\b"
					+ "|\\b(?:at|@)\\s*\\d"),
			kind("part-of-day", "\\b(?:morning|afternoon|evening|night|tonight|lunch|noon|eod|end of (?:the )?day)\\b"),
			kind("cycle", "\\b(?:this|next|last|past|coming|previous|following|upcoming)\\s+(?:" + UNIT + "|" + WEEKDAY + ")\\b"
					+ "|\\b(?:" + UNIT + "|" + WEEKDAY + ")\\s+after next\\b"),
			kind("numeric-date", "\\d{1,4}\\s*[/.-]\\s*\\d{1,2}"),
			kind("weekday", "\\b" + WEEKDAY + "\\b"),
			kind("month-day", "\\b" + MONTH + "\\b.*\\d|\\d.*\\b" + MONTH + "\\b|\\b" + MONTH + "\\b"),
			kind("day-word", "\\b(?:tod|tom|tmr|tmw|2mo|yest|tonight|tonite)[a-z]*\\b|\\bday (?:after|before)\\b"),
			kind("year", "\\b(?:1[89]|2[01])\\d\\d\\b"),
			kind("ordinal-day", "\\b" + ORD + "\\b"));

	private static Kind kind(String name, String regex) {
		return new Kind(name, Pattern.compile(regex));
	}

	/** The kind of {@code text}; "named" when it is built from none of the generic token classes (a holiday, an event). */
	public static String of(String text) {
		String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
		boolean holidayWord = HOLIDAY_SHAPE.matcher(t).find();
		for (Kind k : KINDS) {
			if (k.test().matcher(t).find()) {
				// a holiday shifted or repeated ("the day after christmas", "christmas 2019") is still a named day
				return holidayWord && !k.name().equals("clock") && !k.name().equals("part-of-day") ? "named" : k.name();
			}
		}
		return "named";
	}

	/**
	 * A word that is none of the generic classes: not a number, unit, weekday, month, part of the day or function
	 * word. Such a word names a day (a holiday, a feast, an observance).
	 */
	private static final Pattern HOLIDAY_SHAPE = Pattern.compile("\\b(?!(?:" + String.join("|", List.of(
			"the|a|an|of|in|on|at|by|to|for|and|or|from|this|next|last|past|after|before|ago|until|till|within|around|about",
			"now|today|tomorrow|yesterday|tonight|tmrw|day|days|week|weeks|month|months|year|years|hour|hours|minute|minutes",
			"second|seconds|quarter|quarters|am|pm|noon|midnight|morning|afternoon|evening|night|weekend|end|beginning|start",
			"early|late|mid|middle|half|couple|few|several|coming|following|upcoming|previous|current|right|away|o|clock|oclock",
			"first|third|fourth|fifth|final|th|st|nd|rd|hence|later|sharp|ish|exactly|approximately|lunch|summer|winter|spring",
			"autumn|fall|season|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifteen|forty|fifty",
			"eod|eow|eom|eoy|cob|moment|immediately|currently|close|business|between|through|thru|is|it|we|ll|see|you|h|m|s",
			"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"))
			+ ")\\b)(?!" + WEEKDAY + "\\b|" + MONTH + "\\b|(?:tom|tmr|tod|ton|2mo)[a-z]*\\b|\\d)[a-z]{3,}\\b");

	/** Kinds whose misses the development tool never prints: every third kind in the order of {@link #names()}. */
	public static boolean heldOut(String kind) {
		int i = names().indexOf(kind);
		return i >= 0 && i % 3 == 2;
	}

	/** Every kind, in a fixed order. */
	public static List<String> names() {
		var out = new java.util.ArrayList<String>();
		KINDS.forEach(k -> out.add(k.name()));
		out.add("named");
		return out;
	}
}

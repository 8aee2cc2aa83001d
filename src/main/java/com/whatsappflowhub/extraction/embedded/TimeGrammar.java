package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.BusinessConventions;
import com.whatsappflowhub.extraction.embedded.TimePredicate.Amount;
import com.whatsappflowhub.extraction.embedded.TimePredicate.Occurrence;
import com.whatsappflowhub.extraction.embedded.TimePredicate.Reference;
import com.whatsappflowhub.extraction.embedded.TimePredicate.Unit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A compositional grammar of English time expressions, in the manner of Duckling's rules (our own code): the
 * text is cut into tokens; rules turn token sequences into values (numbers, ordinals, units, amounts, times) and
 * combine values into larger ones ("3pm" + "tomorrow", "last" + "week" + "of" + "October", "2" + "Fridays" +
 * "from now"), until nothing new appears; the longest non-latent times win and are resolved to their first
 * occurrence that has not ended when the message was sent. Word lists are data, written once below; rules are
 * generic (no rule names a single phrase that only one example uses).
 */
final class TimeGrammar {

	// ---- values -----------------------------------------------------------------------------------------------

	/** What a node of the chart holds. */
	sealed interface Value permits Num, Ord, UnitV, AmountV, Time {
	}

	/** {@code exact}: written as digits or a number word, not "a", "a couple", "a few". */
	record Num(double value, boolean integer, boolean exact) implements Value {
		Num(double value, boolean integer) {
			this(value, integer, true);
		}
	}

	record Ord(int value) implements Value {
	}

	record UnitV(Unit unit) implements Value {
	}

	record AmountV(Amount amount) implements Value {
	}

	/** The form a time was written in, where rules care (a weekday may take "next", an hour a part of day). */
	enum Form {
		WEEKDAY, MONTH, DAY_OF_MONTH, YEAR, TIME_OF_DAY, PART_OF_DAY, NAMED_DAY, DAY, OTHER
	}

	/**
	 * A time. {@code hour} is the hour of a time of day as written (-1 otherwise), {@code direct} marks "now",
	 * {@code wide} is a part of the day read broadly (afternoon = 12:00-20:00) for an hour to join it: the
	 * business conventions are narrower ("this afternoon" alone = 13:00-17:00) but "5 this afternoon" is 17:00.
	 */
	record Time(TimePredicate pred, Form form, boolean latent, int hour, boolean twelveHour, boolean direct,
			@Nullable TimePredicate wide) implements Value {
		Time(TimePredicate pred, Form form) {
			this(pred, form, false, -1, false, false, null);
		}

		Time(TimePredicate pred, Form form, boolean latent, int hour, boolean twelveHour, boolean direct) {
			this(pred, form, latent, hour, twelveHour, direct, null);
		}

		Time latent(boolean l) {
			return new Time(pred, form, l, hour, twelveHour, direct, wide);
		}
	}

	// ---- tokens and chart -------------------------------------------------------------------------------------

	private record Token(String text, int start, int end) {
	}

	/** A value over tokens [from, to), made by a rule from children (identified in {@code key}). */
	private record Node(int from, int to, Value value, int rule, String key) {
	}

	private static final Pattern DATE_PARTS = Pattern.compile("\\d+|[./-]");

	private static final Pattern ORDINAL_DIGITS = Pattern.compile("\\d+(st|nd|rd|th|\u00ba|\u00aa|\u00b0|er|ra|ro)");

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final Pattern LETTERS = Pattern.compile("[a-z]+");

	private static final Pattern NAME_SUFFIX_EXCEPT = Pattern.compile(
			"am|pm|a|p|h|hrs?|hours?|min|mins|minutes?|m|s|sec|secs|d|days?|w|wk|wks|weeks?|mo|months?|y|yr|yrs|years?|ish|st|nd|rd|th|ams|pms");

	private static final Pattern NAME_PREFIX_EXCEPT = Pattern.compile("q|h|at|by|on|in|to");

	private static final Pattern TOKEN = Pattern.compile("(?:\\d{2}|\\d{4})q[1-4]\\b|q[1-4]\\b|(?<![\\d./-])\\d+(?:[./-]\\d+){2,}(?![\\d/-]|\\.\\d)|\\d+(?:st|nd|rd|th)\\b|\\d+(?:\u00ba|\u00aa|\u00b0|er|ra|ro)(?![a-z\\d])|\\d+(?:\\.\\d+|,\\d(?!\\d))?(?=\\s*(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?|months?|years?|horas?|minutos?|dias?|jam|menit|hari|ghante|ghanta|ghanton)\\b)|\\d+|jum'at|[a-z]+(?:'s)?|[^\\sa-z\\d]");

	/** One element of a rule: a token matched by a regular expression, or a value. */
	private sealed interface Elem permits Word, Cat, Opt, Peek {
	}

	/** Looks at the next token without taking it: matches at the end of the text or when the token matches. */
	private record Peek(Word word) implements Elem {
	}

	/** A token test; {@code id} indexes the per-parse cache of its answers. */
	private record Word(Pattern regex, int id) implements Elem {
	}

	private static final java.util.concurrent.atomic.AtomicInteger WORDS = new java.util.concurrent.atomic.AtomicInteger();

	private record Cat(Predicate<Value> test) implements Elem {
	}

	private record Opt(Word word) implements Elem {
	}

	private record Rule(String name, List<Elem> pattern, Function<List<Object>, @Nullable Value> produce) {
	}

	private final List<Rule> rules = new ArrayList<>();

	private final BusinessConventions conventions;

	/** The word tests of this grammar's rules, by {@code id - firstWord} (ids are process-wide). */
	private final Word[] words;

	private final int firstWord;

	/**
	 * Which word tests a token's text passes, as a bit set over {@link #words}: the answers depend on the text
	 * alone, so they are computed once per distinct token for the life of the grammar (bounded: cleared when it
	 * holds too many texts) instead of running every test's regular expression on every token of every message.
	 */
	private final java.util.concurrent.ConcurrentHashMap<String, long[]> tokenWords = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int TOKEN_CACHE_LIMIT = 50_000;

	private static final long[] NO_WORDS = new long[0];

	TimeGrammar(BusinessConventions conventions) {
		this.conventions = conventions;
		numbers();
		units();
		instants();
		namedTimes();
		timesOfDay();
		dates();
		relative();
		dateRanges();
		composition();
		intervals();
		otherLanguages();
		var all = new ArrayList<Word>();
		for (Rule r : rules) {
			for (Elem e : r.pattern()) {
				if (e instanceof Word wd) {
					all.add(wd);
				}
				else if (e instanceof Opt o) {
					all.add(o.word());
				}
				else if (e instanceof Peek pk) {
					all.add(pk.word());
				}
			}
		}
		this.firstWord = all.stream().mapToInt(Word::id).min().orElse(0);
		this.words = new Word[all.stream().mapToInt(Word::id).max().orElse(-1) - firstWord + 1];
		for (Word wd : all) {
			words[wd.id() - firstWord] = wd;
		}
	}

	private long[] wordsOf(String text) {
		long[] bits = tokenWords.get(text);
		if (bits == null) {
			bits = new long[(words.length + 63) / 64];
			boolean any = false;
			for (int i = 0; i < words.length; i++) {
				if (words[i] != null && words[i].regex().matcher(text).matches()) {
					bits[i >> 6] |= 1L << i;
					any = true;
				}
			}
			if (!any) {
				bits = NO_WORDS;
			}
			if (tokenWords.size() >= TOKEN_CACHE_LIMIT) {
				tokenWords.clear();
			}
			tokenWords.put(text, bits);
		}
		return bits;
	}

	// ---- the DSL ----------------------------------------------------------------------------------------------

	private static Word w(String regex) {
		return new Word(Pattern.compile(regex), WORDS.getAndIncrement());
	}

	private static Opt opt(String regex) {
		return new Opt(w(regex));
	}

	private static Cat time() {
		return new Cat(v -> v instanceof Time);
	}

	/** The outer time of "the last Monday of ...": a day or longer, never a clock time ("de 2027" is not 20:27). */
	private static Cat outer() {
		return new Cat(v -> v instanceof Time t && t.form() != Form.TIME_OF_DAY && t.form() != Form.PART_OF_DAY);
	}

	private static Cat timeNotLatent() {
		return new Cat(v -> v instanceof Time t && !t.latent());
	}

	private static Cat form(Form... forms) {
		Set<Form> set = Set.of(forms);
		return new Cat(v -> v instanceof Time t && set.contains(t.form()));
	}

	private static Cat num(double min, double max) {
		return new Cat(v -> v instanceof Num n && n.integer() && n.value() >= min && n.value() <= max);
	}

	private static Cat anyNum() {
		return new Cat(v -> v instanceof Num);
	}

	private static Cat ord() {
		return new Cat(v -> v instanceof Ord);
	}

	private static Cat unit() {
		return new Cat(v -> v instanceof UnitV);
	}

	private static Cat amount() {
		return new Cat(v -> v instanceof AmountV);
	}

	private void rule(String name, Function<List<Object>, @Nullable Value> produce, Elem... pattern) {
		rules.add(new Rule(name, List.of(pattern), produce));
	}

	private static Time t(Object o) {
		return (Time) o;
	}

	private static Time time(TimePredicate p, Form f) {
		return new Time(p, f);
	}

	private static int intOf(Object o) {
		return o instanceof Num n ? (int) n.value() : ((Ord) o).value();
	}

	// ---- vocabulary -------------------------------------------------------------------------------------------

	private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
			Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
			Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
			Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
			Map.entry("fourty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
			Map.entry("eighty", 80), Map.entry("ninety", 90));

	private static final Map<String, Integer> ORDINAL_WORDS = Map.ofEntries(Map.entry("first", 1),
			Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5),
			Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9),
			Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
			Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
			Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
			Map.entry("twentieth", 20), Map.entry("thirtieth", 30));

	private static final String NUMBER_WORD = String.join("|", NUMBER_WORDS.keySet());

	private static final String ORDINAL_WORD = String.join("|", ORDINAL_WORDS.keySet());

	/** Weekdays with the plural, the abbreviations and the common misspellings. */
	private static final String[] WEEKDAYS = { "mon|mondays?|monady|mnday", "tue|tues|tuesdays?|teusday|tusday|tuseday",
			"wed|weds|wednesdays?|wensday|wendsday|wednsday|wedensday|wednesay", "thu|thur|thurs|thursdays?|thurday|thrusday|thirsday|thurdsay",
			"fri|fridays?|fridya|firday|friady", "sat|saturdays?|saterday|satruday", "sun|sundays?|sundya|sunady" };

	private static final String[] MONTHS = { "jan(uary)?|janaury", "feb(ruary)?|febuary|febrary", "mar(ch)?",
			"apr(il)?", "may", "june?", "july?", "aug(ust)?", "sept?(ember)?", "oct(ober)?|octobre",
			"nov(ember)?", "dec(ember)?" };

	private static final Map<String, Unit> UNIT_WORDS = Map.ofEntries(Map.entry("s", Unit.SECOND),
			Map.entry("sec", Unit.SECOND), Map.entry("secs", Unit.SECOND), Map.entry("second", Unit.SECOND),
			Map.entry("seconds", Unit.SECOND), Map.entry("m", Unit.MINUTE), Map.entry("min", Unit.MINUTE),
			Map.entry("mins", Unit.MINUTE), Map.entry("minute", Unit.MINUTE), Map.entry("minutes", Unit.MINUTE),
			Map.entry("h", Unit.HOUR), Map.entry("hr", Unit.HOUR), Map.entry("hrs", Unit.HOUR), Map.entry("hour", Unit.HOUR),
			Map.entry("hours", Unit.HOUR), Map.entry("d", Unit.DAY), Map.entry("day", Unit.DAY), Map.entry("days", Unit.DAY),
			Map.entry("week", Unit.WEEK), Map.entry("weeks", Unit.WEEK), Map.entry("wk", Unit.WEEK),
			Map.entry("wks", Unit.WEEK), Map.entry("month", Unit.MONTH), Map.entry("months", Unit.MONTH),
			Map.entry("mo", Unit.MONTH), Map.entry("mos", Unit.MONTH), Map.entry("quarter", Unit.QUARTER),
			Map.entry("quarters", Unit.QUARTER), Map.entry("qtr", Unit.QUARTER), Map.entry("qtrs", Unit.QUARTER),
			Map.entry("year", Unit.YEAR), Map.entry("years", Unit.YEAR), Map.entry("yr", Unit.YEAR),
			Map.entry("yrs", Unit.YEAR));

	// ---- rules ------------------------------------------------------------------------------------------------

	private void numbers() {
		rule("integer", m -> new Num(Integer.parseInt((String) m.get(0)), true), w("\\d{1,4}"));
		rule("decimal", m -> new Num(Double.parseDouble(((String) m.get(0)).replace(',', '.')), false), w("\\d+[.,]\\d+"));
		// "one" is a pronoun as often as a number ("the last one this morning"): not exact, so no bare hour
		rule("number word", m -> new Num(NUMBER_WORDS.get((String) m.get(0)), true, !"one".equals(m.get(0))), w(NUMBER_WORD));
		rule("a / an / a single", m -> new Num(1, true, false), w("a|an|single"));
		rule("a couple (of)", m -> new Num(2, true, false), w("a"), w("couple|pair"), opt("of"));
		rule("couple of", m -> new Num(2, true, false), w("couple|pair"), w("of"));
		rule("a few", m -> new Num(3, true, false), w("a"), w("few"));
		rule("tens and units", m -> {
			int tens = intOf(m.get(0));
			int units = intOf(m.get(m.size() - 1));
			return tens >= 20 && tens % 10 == 0 && units >= 1 && units <= 9 ? new Num(tens + units, true) : null;
		}, new Cat(v -> v instanceof Num n && n.integer() && n.value() >= 20 && n.value() <= 90), opt("-"),
				new Cat(v -> v instanceof Num n && n.integer() && n.value() >= 1 && n.value() <= 9));
		rule("ordinal digits", m -> new Ord(Integer.parseInt(((String) m.get(0)).replaceAll("\\D", ""))),
				w("\\d+(st|nd|rd|th|\u00ba|\u00aa|\u00b0|er|ra|ro)"));
		rule("ordinal word", m -> new Ord(ORDINAL_WORDS.get((String) m.get(0))), w(ORDINAL_WORD));
		rule("twenty-first", m -> {
			int tens = intOf(m.get(0));
			return tens == 20 || tens == 30 ? new Ord(tens + ((Ord) m.get(m.size() - 1)).value()) : null;
		}, num(20, 30), opt("-"), new Cat(v -> v instanceof Ord o && o.value() < 10));
		rule("n and a half", m -> new Num(intOf(m.get(0)) + 0.5, false), num(0, 100), w("and"), w("a|an"), w("half"));
		rule("half", m -> new Num(0.5, false), w("half"), opt("an?"));
		rule("a half", m -> new Num(0.5, false), w("a"), w("half"));
		rule("quarter of", m -> new Num(0.25, false), opt("a|one"), w("quarter"), w("of"), opt("an?"));
		rule("three quarters of", m -> new Num(0.75, false), w("three"), opt("-"), w("quarters?"), w("of"), opt("an?"));
		rule("n/d", m -> {
			int a = intOf(m.get(0));
			int b = intOf(m.get(2));
			return b > 0 && a < b ? new Num((double) a / b, false) : null;
		}, num(1, 9), w("/"), num(2, 9));
	}

	private void units() {
		rule("unit", m -> new UnitV(UNIT_WORDS.get((String) m.get(0))), w(String.join("|", UNIT_WORDS.keySet())));
		rule("<number> <unit>", m -> {
			Num n = (Num) m.get(0);
			Unit u = ((UnitV) m.get(1)).unit();
			return new AmountV(Amount.of(n.value(), u));
		}, anyNum(), unit());
		rule("<unit> and a half", m -> {
			Unit u = ((UnitV) m.get(1)).unit();
			return new AmountV(Amount.of(intOf(m.get(0)) + 0.5, u));
		}, num(1, 100), unit(), w("and"), w("a|an"), w("half"));
		rule("an hour and a half", m -> new AmountV(Amount.of(1.5, ((UnitV) m.get(1)).unit())), w("an?"), unit(), w("and"),
				w("a"), w("half"));
		rule("fortnight", m -> new AmountV(Amount.of(2 * (m.get(0) instanceof Num n ? n.value() : 1), Unit.WEEK)),
				new Cat(v -> v instanceof Num), w("fortnights?"));
		rule("a fortnight", m -> new AmountV(Amount.of(2, Unit.WEEK)), w("fortnight"));
		rule("<amount> and <amount>", m -> new AmountV(((AmountV) m.get(0)).amount().and(((AmountV) m.get(m.size() - 1)).amount())),
				amount(), opt(",|and"), amount());
	}

	private static TimePredicate cycleNth(Unit unit, int n) {
		return TimePredicate.fixed(unit, ref -> TimePredicate.occ(unit.plus(unit.truncate(ref.now()), n), unit));
	}

	/**
	 * "this week" is due at the end of the business week (a Friday by default), "next week" is the whole of
	 * next week; other cycles are the cycle itself.
	 */
	private TimePredicate businessCycle(Unit unit, int n) {
		if (unit == Unit.WEEK && n == 0) {
			return TimePredicate.fixed(Unit.DAY, ref -> {
				LocalDate today = ref.now().toLocalDate();
				DayOfWeek end = conventions.endOfWeek();
				LocalDate due = today.getDayOfWeek().getValue() > end.getValue() ? today.with(TemporalAdjusters.next(end))
						: today.with(TemporalAdjusters.nextOrSame(end));
				return TimePredicate.occ(due.atStartOfDay(), Unit.DAY);
			});
		}
		if (unit == Unit.WEEK && n == 1) {
			return TimePredicate.fixed(Unit.WEEK, ref -> {
				LocalDateTime monday = Unit.WEEK.plus(Unit.WEEK.truncate(ref.now()), 1);
				return new Occurrence(monday, monday.plusWeeks(1), Unit.WEEK, true);
			});
		}
		return cycleNth(unit, n);
	}

	private void instants() {
		Function<List<Object>, @Nullable Value> now = m -> new Time(TimePredicate.fixed(Unit.SECOND,
				ref -> TimePredicate.occ(ref.now(), Unit.SECOND)), Form.OTHER, false, -1, false, true);
		rule("now", now, w("now|rn|immediately|atm|nw|presently|currently"));
		rule("right now", now, w("just|right|rite|rigth|rght|riht"), w("now|nw"));
		rule("at the moment", now, opt("at|as of"), w("the|this"), w("moment|minute|time|point"));
		rule("as of now", now, w("as"), w("of"), w("now|today"));
		rule("today", m -> time(cycleNth(Unit.DAY, 0), Form.DAY), w("today|todays|tday|tdy|2day|tody|todya|toady"));
		rule("tomorrow", m -> time(cycleNth(Unit.DAY, 1), Form.DAY),
				w("tomorrow|tomorrows|tomorow|tommorow|tommorrow|tomorrw|tmrw|tmrrw|tmr|tmw|tmrow|2moro|2morrow|2mrw|tomoro"));
		rule("day after tomorrow", m -> time(cycleNth(Unit.DAY, 2), Form.DAY), opt("the"), w("day"), w("after"),
				w("tomorrow|tomorow|tommorow|tmrw"));
		rule("this|next|last <unit>", m -> {
			String which = (String) m.get(0);
			Unit u = ((UnitV) m.get(m.size() - 1)).unit();
			int n = which.matches("next|following") ? 1 : which.matches("last|past|previous") ? -1 : 0;
			return time(businessCycle(u, n), Form.OTHER);
		}, w("this|current|next|following|coming|last|past|previous"), unit());
		rule("the <unit> (this one)", m -> {
			Unit u = ((UnitV) m.get(1)).unit();
			return u.compareTo(Unit.WEEK) >= 0 ? time(cycleNth(u, 0), Form.OTHER).latent(true) : null;
		}, w("the|this"), unit());
		rule("the following <unit>", m -> time(businessCycle(((UnitV) m.get(2)).unit(), 1), Form.OTHER), w("the"), w("following"), unit());
	}

	private void namedTimes() {
		for (int i = 0; i < WEEKDAYS.length; i++) {
			DayOfWeek dow = DayOfWeek.of(i + 1);
			rule("weekday", m -> time(TimePredicate.days(7, d -> d.getDayOfWeek() == dow), Form.WEEKDAY),
					w("(" + WEEKDAYS[i] + ")\\.?"));
		}
		for (int i = 0; i < MONTHS.length; i++) {
			int month = i + 1;
			// a month alone is latent: "the April newsletter", "may I"; "in April", "April 5", "by May" are dates
			rule("month", m -> time(TimePredicate.month(month), Form.MONTH).latent(true), w(MONTHS[i]));
		}
		rule("before the weekend (the end of the business week)", m -> time(businessCycle(Unit.WEEK, 0), Form.OTHER), w("before|by"), opt("the"),
				w("weekend|wkend"));
		rule("season", m -> {
			String s = (String) m.get(0);
			TimePredicate p = switch (s) {
				case "summer" -> TimePredicate.yearlyInterval(6, 21, 9, 23);
				case "fall", "autumn" -> TimePredicate.yearlyInterval(9, 23, 12, 21);
				case "winter" -> TimePredicate.yearlyInterval(12, 21, 3, 20);
				default -> TimePredicate.yearlyInterval(3, 20, 6, 21);
			};
			// "fall" alone is the verb more often than the season
			return time(p, Form.NAMED_DAY).latent(s.equals("fall"));
		}, w("summer|fall|autumn|winter|spring"));
		rule("in the <season>", m -> t(m.get(m.size() - 1)).latent(false), w("in|during|by|until|before"), w("the"),
				form(Form.NAMED_DAY));
		rule("weekend", m -> time(new TimePredicate.Simple(Unit.DAY, 7, (ref, win) -> {
			var out = new ArrayList<Occurrence>();
			for (LocalDate d = win.from().toLocalDate().minusDays(7); d.atStartOfDay().isBefore(win.until()); d = d.plusDays(1)) {
				if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
					var o = new Occurrence(d.atStartOfDay(), d.plusDays(2).atStartOfDay(), Unit.DAY, true);
					if (o.end().isAfter(win.from())) {
						out.add(o);
					}
				}
			}
			return out;
		}), Form.NAMED_DAY), opt("the"), w("weekend|wkend|weekends"));
		holidays();
	}

	/** Fixed-date and nth-weekday holidays, locale-neutral ones; the holiday calendar keeps the rest. */
	private void holidays() {
		holiday("christmas eve", y -> LocalDate.of(y, 12, 24), w("christmas|xmas"), opt("day"), w("eve"));
		holiday("christmas", y -> LocalDate.of(y, 12, 25), w("christmas|xmas"), opt("day"));
		holiday("new year's eve", y -> LocalDate.of(y, 12, 31), w("new"), w("year|years|year's"), w("eve"));
		holiday("new year's day", y -> LocalDate.of(y, 1, 1), w("new"), w("year|years|year's"), w("day"));
		holiday("valentine's", y -> LocalDate.of(y, 2, 14), w("valentine|valentines|valentine's"), opt("day"));
		holiday("halloween", y -> LocalDate.of(y, 10, 31), w("halloween|haloween|hallowe'en"));
		holiday("black friday", y -> LocalDate.of(y, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1),
				w("black"), w("friday"));
		holiday("easter", Holidays::westernEaster, w("easter"), opt("sunday"));
		rule("holiday of the calendar", m -> {
			int k = Integer.parseInt(((String) m.get(0)).substring("#holiday".length()));
			List<Holidays.Named> named = STATE.get().holidays();
			if (k >= named.size()) {
				return null;
			}
			var date = named.get(k).date();
			return time(TimePredicate.yearly(date::apply), Form.NAMED_DAY);
		}, w("#holiday\\d+"));
	}

	private void holiday(String name, java.util.function.IntFunction<LocalDate> day, Elem... pattern) {
		rule(name, m -> time(TimePredicate.yearly(day::apply), Form.NAMED_DAY), pattern);
	}

	private Time pod(LocalTime from, LocalTime to, int wideFrom, int wideTo) {
		return new Time(TimePredicate.partOfDay(from, to), Form.PART_OF_DAY, true, -1, false, false,
				TimePredicate.partOfDay(LocalTime.of(wideFrom, 0), LocalTime.of(wideTo % 24, 0)));
	}

	private void timesOfDay() {
		// hours and minutes
		rule("hour (latent)", m -> clock(intOf(m.get(0)), 0, 0, intOf(m.get(0)) <= 12, Unit.HOUR, true),
				new Cat(v -> v instanceof Num n && n.exact() && n.integer() && n.value() >= 0 && n.value() <= 24));
		rule("hh:mm", m -> {
			int h = intOf(m.get(0));
			int min = Integer.parseInt((String) m.get(2));
			return h > 24 || min > 59 ? null : clock(h, min, 0, h <= 12, Unit.MINUTE, false);
		}, num(0, 24), w(":|\\."), w("[0-5]\\d"));
		rule("hh:mm:ss", m -> {
			int h = intOf(m.get(0));
			int min = Integer.parseInt((String) m.get(2));
			int s = Integer.parseInt((String) m.get(4));
			return h > 24 ? null : clock(h, min, s, h <= 12, Unit.SECOND, false);
		}, num(0, 24), w(":"), w("[0-5]\\d"), w(":"), w("[0-5]\\d"));
		rule("hhmm", m -> {
			String s = (String) m.get(0);
			int h = Integer.parseInt(s.substring(0, s.length() - 2));
			int min = Integer.parseInt(s.substring(s.length() - 2));
			return h > 23 || min > 59 ? null : clock(h, min, 0, h <= 12, Unit.MINUTE, true);
		}, w("\\d{3,4}"));
		rule("16h / 16h30", m -> {
			int h = intOf(m.get(0));
			int min = m.size() > 2 ? Integer.parseInt((String) m.get(2)) : 0;
			return h > 23 ? null : new Time(TimePredicate.timeOfDay(h, min, 0, false, min == 0 ? Unit.HOUR : Unit.MINUTE),
					Form.TIME_OF_DAY, false, h, false, false);
		}, num(0, 23), w("h"), w("[0-5]\\d"));
		rule("<hour> <minutes in words>", m -> {
			Time h = t(m.get(0));
			int min = intOf(m.get(1));
			Time r = h.hour() < 0 || h.hour() > 12 ? null : minuteOf(h, min);
			return r == null ? null : r.latent(h.latent());
		}, new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0),
				new Cat(v -> v instanceof Num n && n.integer() && n.value() >= 10 && n.value() <= 59));
		rule("<hour> oh <minute>", m -> minuteOf(t(m.get(0)), intOf(m.get(2))),
				new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0), w("oh|o"), num(1, 9));
		rule("am/pm", m -> {
			Time h = t(m.get(0));
			String ap = (String) m.get(1);
			return ampm(h, ap.startsWith("a"));
		}, new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.twelveHour()), w("am|pm|amish|pmish"));
		rule("a.m.", m -> ampm(t(m.get(0)), ((String) m.get(1)).equals("a")),
				new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.twelveHour()), w("a|p"), w("\\."), w("m"),
				opt("\\."));
		rule("a.m.", m -> ampm(t(m.get(0)), true), new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.twelveHour()),
				w("in"), w("the"), w("morning"));
		rule("o'clock", m -> t(m.get(0)).latent(false), form(Form.TIME_OF_DAY), w("o|oclock"), opt("'"), opt("clock"));
		rule("sharp/ish", m -> t(m.get(0)).latent(false), form(Form.TIME_OF_DAY), w("sharp|exactly|ish|approximately"));
		rule("-ish", m -> t(m.get(0)).latent(false), form(Form.TIME_OF_DAY), w("-"), w("ish"));
		rule("at <time of day>", m -> t(m.get(1)).latent(false), w("at|@|around|about|approximately|approx|by|till|until|til"),
				new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && !(t.latent() && t.hour() >= 0 && t.wide() != null
						&& t.pred().grain() == Unit.HOUR)), opt("xq"));
		// "at 7" followed by a street name is an address: a bare hour needs the end, punctuation or a time word next
		rule("at <hour>", m -> t(m.get(1)).latent(false), w("at|@|around|about|approximately|approx|by|till|until|til"),
				new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.latent() && t.pred().grain() == Unit.HOUR),
				new Peek(w("[^a-z\\d]|ish|o|oclock|gmt|utc|sharp|tomorrow|today|tonight|tmrw|tmr|on|this|next|instead|and|or|then|latest|"
						+ "pls|please|if|so|for|to|with|at|in|the|ya|ok|okay|yeah|thanks|thx|cheers|am|pm|a|p|hrs|h|tomorow|tommorow|"
						+ "mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
						+ "morning|afternoon|evening|night|tonite|is|works|would|will|should|could|can|sounds|latest|or|we|i|you|he|she|they")));
		rule("noon", m -> new Time(TimePredicate.timeOfDay(12, 0, 0, false, Unit.HOUR), Form.TIME_OF_DAY, false, 12, false, false),
				w("noon|midday|mid-day|noonish"));
		rule("midnight", m -> new Time(TimePredicate.timeOfDay(0, 0, 0, false, Unit.HOUR), Form.TIME_OF_DAY, false, 0, false, false),
				w("midnight|midnite"));
		rule("eod", m -> new Time(TimePredicate.timeOfDay(conventions.endOfDay().getHour(), conventions.endOfDay().getMinute(), 0,
				false, Unit.HOUR), Form.TIME_OF_DAY, false, conventions.endOfDay().getHour(), false, false), w("eod|cob"));
		rule("end of day", m -> new Time(TimePredicate.timeOfDay(conventions.endOfDay().getHour(), 0, 0, false, Unit.HOUR),
				Form.TIME_OF_DAY, false, conventions.endOfDay().getHour(), false, false), opt("the"), w("end|close"), w("of"),
				opt("the"), w("day|business"));
		// minutes before and after an hour, noon and midnight included
		rule("<n> past <hour>", m -> {
			Time h = t(m.get(m.size() - 1));
			return h.hour() < 0 ? null : minutesAfter(h, minutesOf(m.get(0)));
		}, new Cat(v -> v instanceof Num n && (n.value() == 0.5 || n.value() == 0.25 || n.integer() && n.value() >= 1 && n.value() <= 59)),
				opt("minutes?|mins?"), w("past|after"), form(Form.TIME_OF_DAY));
		rule("quarter past <hour>", m -> minutesAfter(t(m.get(m.size() - 1)), 15), opt("a|one"), w("quarter"), w("past|after"),
				form(Form.TIME_OF_DAY));
		rule("half past <hour>", m -> minutesAfter(t(m.get(m.size() - 1)), 30), w("half"), w("past|after"), form(Form.TIME_OF_DAY));
		rule("<n> to <hour>", m -> {
			Time h = t(m.get(m.size() - 1));
			return h.hour() < 0 ? null : minutesAfter(h, -minutesOf(m.get(0)));
		}, new Cat(v -> v instanceof Num n && n.integer() && n.value() >= 1 && n.value() <= 59), opt("minutes?|mins?"),
				w("to|till|before|of"), form(Form.TIME_OF_DAY));
		rule("quarter to <hour>", m -> minutesAfter(t(m.get(m.size() - 1)), -15), opt("a|one"), w("quarter"),
				w("to|till|before|of"), form(Form.TIME_OF_DAY));
		rule("half to <hour>", m -> minutesAfter(t(m.get(m.size() - 1)), -30), w("half"), w("to|till|before|of"), form(Form.TIME_OF_DAY));
		rule("half <hour> (UK)", m -> {
			Time h = t(m.get(1));
			return h.hour() < 0 || !h.latent() ? null : minutesAfter(h, 30);
		}, w("half"), form(Form.TIME_OF_DAY));
		// parts of the day
		BusinessConventions c = conventions;
		rule("morning", m -> pod(c.morningStart(), c.morningEnd(), 0, 12), w("morning|mornings|morn|mornin"));
		rule("early morning", m -> pod(LocalTime.of(4, 0), LocalTime.of(9, 0), 0, 10), w("early"), opt("in"), opt("the"), w("morning"));
		rule("afternoon", m -> pod(c.afternoonStart(), c.afternoonEnd(), 12, 20), w("afternoon|afternoons|aft|arvo|afternoonish"));
		rule("after noon", m -> pod(c.afternoonStart(), c.afternoonEnd(), 12, 20), w("after"), w("noon"));
		rule("evening", m -> pod(c.eveningStart(), LocalTime.MIDNIGHT, 16, 24), w("evening|evenings|eve|night|nite"));
		rule("lunch", m -> pod(c.lunchStart(), c.lunchEnd(), 11, 15), opt("at"), w("lunch|lunchtime"));
		rule("after lunch", m -> pod(LocalTime.of(13, 0), LocalTime.of(17, 0), 12, 19), w("after"), w("lunch"));
		rule("after work", m -> pod(LocalTime.of(17, 0), LocalTime.of(21, 0), 16, 24), w("after"), w("work"));
		rule("in the <part of day>", m -> t(m.get(m.size() - 1)).latent(false), w("in|during|this|for|the"), opt("the"),
				form(Form.PART_OF_DAY));
		rule("tonight", m -> new Time(TimePredicate.intersect(cycleNth(Unit.DAY, 0), TimePredicate.partOfDay(c.eveningStart(),
				LocalTime.MIDNIGHT)), Form.PART_OF_DAY, false, -1, false, false, TimePredicate.intersect(cycleNth(Unit.DAY, 0),
						TimePredicate.partOfDay(LocalTime.of(16, 0), LocalTime.MIDNIGHT))), w("tonight|tonite|tonigth|2nite|2night"));
		rule("late tonight", m -> new Time(TimePredicate.intersect(cycleNth(Unit.DAY, 0), TimePredicate.partOfDay(LocalTime.of(21, 0),
				LocalTime.MIDNIGHT)), Form.PART_OF_DAY, false, -1, false, false), w("late"), w("tonight|tonite"));
		// an hour with a part of the day: "8 tonight", "3 in the afternoon", "7 this evening"
		rule("<hour> <part of day>", m -> {
			Time h = t(m.get(0));
			Time p = t(m.get(m.size() - 1));
			return new Time(TimePredicate.intersect(h.wide() != null ? h.wide() : h.pred(), p.wide() != null ? p.wide() : p.pred()), Form.TIME_OF_DAY, false,
					h.hour(), false, false);
		}, form(Form.TIME_OF_DAY), opt("in|at|this|of"), opt("the"), form(Form.PART_OF_DAY));
		rule("<part of day> at <hour>", m -> {
			Time p = t(m.get(0));
			Time h = t(m.get(m.size() - 1));
			return new Time(TimePredicate.intersect(h.wide() != null ? h.wide() : h.pred(), p.wide() != null ? p.wide() : p.pred()), Form.TIME_OF_DAY, false,
					h.hour(), false, false);
		}, form(Form.PART_OF_DAY), w("at|@|around|by"), form(Form.TIME_OF_DAY));
	}

	/**
	 * A clock time. Written without am/pm, 1 to 6 means the afternoon (business hours: "at 2" is 14:00); read
	 * with a part of the day ("2 in the morning") both readings stay available in {@code wide}.
	 */
	private static Time clock(int hour, int minute, int second, boolean twelveHour, Unit grain, boolean latent) {
		TimePredicate both = TimePredicate.timeOfDay(hour % 24, minute, second, twelveHour, grain);
		TimePredicate business = twelveHour && hour >= 1 && hour <= 6
				? TimePredicate.timeOfDay(hour + 12, minute, second, false, grain) : both;
		return new Time(business, Form.TIME_OF_DAY, latent, hour, twelveHour, false, both);
	}

	private static double minutesOf(Object o) {
		Num n = (Num) o;
		return n.value() == 0.5 ? 30 : n.value() == 0.25 ? 15 : n.value();
	}

	private static @Nullable Time minuteOf(Time hour, int minute) {
		if (hour.hour() < 0 || minute > 59) {
			return null;
		}
		return clock(hour.hour(), minute, 0, hour.twelveHour(), Unit.MINUTE, false);
	}

	private static @Nullable Time minutesAfter(Time hour, double minutes) {
		if (hour.hour() < 0) {
			return null;
		}
		int total = (int) Math.round(hour.hour() * 60 + minutes);
		total = ((total % 1440) + 1440) % 1440;
		int h = total / 60;
		int min = total % 60;
		boolean twelve = hour.twelveHour() && h <= 12;
		int shown = hour.twelveHour() && h == 0 ? 12 : h;
		return clock(shown % 24 == 12 && hour.hour() == 0 ? 0 : shown, min, 0, twelve, Unit.MINUTE, false);
	}

	private static @Nullable Time ampm(Time t, boolean am) {
		int h = t.hour();
		if (h < 0 || h > 12) {
			return null;
		}
		int h24 = am ? h % 12 : h % 12 + 12;
		TimePredicate p = t.pred();
		// keep minutes and seconds: rebuild from the predicate's first occurrence of the day
		LocalDateTime probe = LocalDate.of(2000, 1, 1).atStartOfDay();
		List<Occurrence> o = p.within(new Reference(probe), probe, probe.plusDays(1));
		if (o.isEmpty()) {
			return null;
		}
		LocalTime first = o.get(0).start().toLocalTime();
		return new Time(TimePredicate.timeOfDay(h24, first.getMinute(), first.getSecond(), false, p.grain()), Form.TIME_OF_DAY,
				false, h24, false, false);
	}

	private void dates() {
		rule("year", m -> {
			int y = intOf(m.get(0));
			// a bare number is rarely a year in a message: latent until "in 2014", "May 2014", "Christmas 2014"
			return y >= 1900 && y <= 2100 ? new Time(TimePredicate.year(y), Form.YEAR, true, -1, false, false) : null;
		}, num(1900, 2100));
		rule("day of month (ordinal)", m -> new Time(dom(((Ord) m.get(0)).value()), Form.DAY_OF_MONTH, true, -1, false, false),
				new Cat(v -> v instanceof Ord o && o.value() >= 1 && o.value() <= 31));
		rule("the <day of month>", m -> {
			int d = intOf(m.get(1));
			boolean latent = m.get(1) instanceof Num;
			return d >= 1 && d <= 31 ? new Time(dom(d), Form.DAY_OF_MONTH, latent, -1, false, false) : null;
		}, w("the|on"), new Cat(v -> (v instanceof Ord) || (v instanceof Num n && n.integer() && n.exact())));
		rule("early|mid|late <month>", m -> {
			String part = (String) m.get(0);
			Time mo = t(m.get(m.size() - 1));
			int from = part.equals("mid") ? 11 : part.equals("late") ? 21 : 1;
			int to = part.equals("mid") ? 21 : part.equals("late") ? 0 : 11;
			return new Time(TimePredicate.partOfMonth(mo.pred(), from, to), Form.OTHER, false, -1, false, false);
		}, w("early|mid|late|beginning|start|middle"), opt("-|of"), opt("the"), form(Form.MONTH));
		rule("midnight tonight", m -> time(TimePredicate.fixed(Unit.HOUR, ref -> TimePredicate.occ(
				Unit.DAY.truncate(ref.now()).plusDays(1), Unit.HOUR)), Form.OTHER), opt("at"), w("midnight|midnite"), w("tonight|today|tonite"));
		rule("tonight at midnight", m -> time(TimePredicate.fixed(Unit.HOUR, ref -> TimePredicate.occ(
				Unit.DAY.truncate(ref.now()).plusDays(1), Unit.HOUR)), Form.OTHER), w("tonight|today|tonite"), opt("at"), w("midnight|midnite"));
		rule("<day of month> of the month", m -> t(m.get(0)).latent(false), form(Form.DAY_OF_MONTH), w("of"), w("the|this"),
				w("month"));
		Cat monthOrDow = form(Form.MONTH, Form.WEEKDAY);
		rule("<month> <day>", m -> {
			int d = m.get(m.size() - 1) instanceof Time dt ? -1 : intOf(m.get(m.size() - 1));
			return d >= 1 && d <= 31 ? time(TimePredicate.intersect(t(m.get(0)).pred(), dom(d)), Form.DAY) : null;
		}, form(Form.MONTH), opt("the"), new Cat(v -> v instanceof Ord || v instanceof Num n && n.integer()));
		rule("<weekday> <ordinal>", m -> time(TimePredicate.intersect(t(m.get(0)).pred(), dom(intOf(m.get(m.size() - 1)))), Form.DAY),
				form(Form.WEEKDAY), opt(","), opt("the"), new Cat(v -> v instanceof Ord o && o.value() <= 31));
		rule("<day> <month>", m -> {
			int d = intOf(m.get(0));
			return d >= 1 && d <= 31 ? time(TimePredicate.intersect(t(m.get(m.size() - 1)).pred(), dom(d)), Form.DAY) : null;
		}, new Cat(v -> v instanceof Ord || v instanceof Num n && n.integer()), opt("of|in"), form(Form.MONTH));
		rule("the ides of <month>", m -> {
			return time(TimePredicate.intersect(t(m.get(m.size() - 1)).pred(), TimePredicate.days(30, d -> {
				int dd = List.of(3, 5, 7, 10).contains(d.getMonthValue()) ? 15 : 13;
				return d.getDayOfMonth() == dd;
			})), Form.DAY);
		}, w("the"), w("ides?"), w("of"), form(Form.MONTH));
		rule("m/d", m -> numericDate(intOf(m.get(0)), intOf(m.get(2)), null), num(1, 31), w("/|-|\\."), num(1, 31));
		rule("m/d/y", m -> numericDate(intOf(m.get(0)), intOf(m.get(2)), intOf(m.get(4))), num(1, 31), w("/|-|\\."), num(1, 31),
				w("/|-|\\."), num(0, 9999));
		rule("yyyy-mm-dd", m -> {
			int y = intOf(m.get(0));
			return y < 1000 ? null : exactDate(y, intOf(m.get(2)), intOf(m.get(4)));
		}, num(1000, 2999), w("-|/"), num(1, 12), w("-|/"), num(1, 31));
		rule("mm/yyyy", m -> {
			int mo = intOf(m.get(0));
			int y = intOf(m.get(2));
			return mo < 1 || mo > 12 || y < 1000 ? null : time(TimePredicate.fixed(Unit.MONTH,
					ref -> TimePredicate.occ(LocalDate.of(y, mo, 1).atStartOfDay(), Unit.MONTH)), Form.OTHER);
		}, num(1, 12), w("/|-"), num(1000, 2999));
		// quarters: "Q3", "3rd quarter", "2018Q4", "Q4 2018", "18q4", "the fourth quarter of 2018"
		rule("q<n>", m -> quarter(Integer.parseInt(((String) m.get(0)).substring(1)), null), w("q[1-4]"));
		rule("<ordinal> quarter", m -> {
			int q = intOf(m.get(m.size() - 2));
			return q >= 1 && q <= 4 ? quarter(q, null) : null;
		}, opt("the"), ord(), w("quarter|qtr"));
		rule("yyyyq<n>", m -> {
			String s = (String) m.get(0);
			int y = Integer.parseInt(s.substring(0, s.indexOf('q')));
			return quarter(Integer.parseInt(s.substring(s.indexOf('q') + 1)), y < 100 ? 2000 + y : y);
		}, w("(\\d{2}|\\d{4})q[1-4]"));
		rule("yyyy q<n>", m -> {
			int y = intOf(m.get(0));
			String q = (String) m.get(m.size() - 1);
			return y < 1900 ? null : quarter(Integer.parseInt(q.substring(1)), y);
		}, num(1900, 2100), opt("-|/"), w("q[1-4]"));
		rule("<quarter> <year>", m -> {
			Time q = t(m.get(0));
			Time y = t(m.get(m.size() - 1));
			return time(TimePredicate.intersect(q.pred(), y.pred()), Form.OTHER);
		}, new Cat(v -> v instanceof Time t && t.pred().grain() == Unit.QUARTER && t.form() == Form.MONTH), opt(",|of|in|-"),
				form(Form.YEAR));
	}

	private Time quarter(int q, @Nullable Integer year) {
		TimePredicate p = new TimePredicate.Simple(Unit.QUARTER, 365, (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (int y = w.from().getYear() - 1; y <= w.until().getYear(); y++) {
				if (year != null && y != year) {
					continue;
				}
				Occurrence o = TimePredicate.occ(LocalDate.of(y, (q - 1) * 3 + 1, 1).atStartOfDay(), Unit.QUARTER);
				if (o.end().isAfter(w.from()) && o.start().isBefore(w.until())) {
					out.add(o);
				}
			}
			return out;
		});
		// a quarter without a year is a month-like named period (it can take a year after it)
		return new Time(p, year == null ? Form.MONTH : Form.OTHER, false, -1, false, false);
	}

	private static TimePredicate dom(int day) {
		return TimePredicate.days(30, d -> d.getDayOfMonth() == day);
	}

	/** What one parse knows beyond its tokens: the tenant's locale and the holidays named in the text. */
	private record ParseState(Locale locale, List<Holidays.Named> holidays) {
	}

	private static final ThreadLocal<ParseState> STATE = ThreadLocal.withInitial(() -> new ParseState(Locale.US, List.of()));

	private @Nullable Time numericDate(int a, int b, @Nullable Integer year) {
		boolean monthFirst = monthFirst(STATE.get().locale());
		int month;
		int day;
		if (a > 12 && b <= 12) {
			day = a;
			month = b;
		}
		else if (b > 12 && a <= 12) {
			month = a;
			day = b;
		}
		else if (monthFirst) {
			month = a;
			day = b;
		}
		else {
			day = a;
			month = b;
		}
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			return null;
		}
		if (year != null) {
			int y = year < 100 ? 2000 + year : year;
			return exactDate(y, month, day);
		}
		int mm = month;
		int dd = day;
		return time(TimePredicate.intersect(TimePredicate.month(mm), dom(dd)), Form.DAY);
	}

	private static @Nullable Time exactDate(int y, int m, int d) {
		try {
			LocalDate date = LocalDate.of(y, m, d);
			return time(TimePredicate.fixed(Unit.DAY, ref -> TimePredicate.occ(date.atStartOfDay(), Unit.DAY)), Form.DAY);
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	static boolean monthFirst(Locale locale) {
		String country = locale.getCountry();
		return country.isEmpty() || country.equals("US") || country.equals("PH") || country.equals("CA")
				|| country.equals("BZ") || country.equals("FM");
	}

	private void relative() {
		rule("within <amount>", m -> {
			Amount a = ((AmountV) m.get(m.size() - 1)).amount();
			return new Time(TimePredicate.fixed(Unit.SECOND, ref -> new Occurrence(ref.now(), a.plus(ref.now()), Unit.SECOND, true)),
					Form.OTHER, false, -1, false, false);
		}, w("within"), opt("the"), opt("next"), amount());
		rule("in <amount>", m -> time(inAmount(((AmountV) m.get(m.size() - 1)).amount()), Form.OTHER), w("in|after"),
				opt("the"), opt("next"), amount());
		rule("<amount> from now", m -> time(inAmount(((AmountV) m.get(0)).amount()), Form.OTHER), amount(), w("from"),
				opt("right"), w("now|today"));
		rule("<amount> hence", m -> time(inAmount(((AmountV) m.get(0)).amount()), Form.OTHER), amount(), w("hence|later"));
		rule("in <n> (minutes)", m -> time(inAmount(Amount.of(intOf(m.get(1)), Unit.MINUTE)), Form.OTHER), w("in"), num(1, 60));
		rule("<amount> after|before <time>", m -> {
			Amount a = ((AmountV) m.get(0)).amount();
			boolean before = ((String) m.get(1)).equals("before");
			Amount signed = before ? new Amount(-a.months(), -a.seconds(), a.unit()) : a;
			return time(TimePredicate.shift(signed, t(m.get(2)).pred()), Form.OTHER);
		}, amount(), w("after|before|from"), timeNotLatent());
		rule("the <unit> after next", m -> {
			Unit u = ((UnitV) m.get(1)).unit();
			return u.compareTo(Unit.DAY) > 0 ? time(cycleNth(u, 2), Form.OTHER) : null;
		}, w("the"), unit(), w("after"), w("next"));
		rule("the day after|before <time>", m -> {
			Unit u = ((UnitV) m.get(1)).unit();
			int n = ((String) m.get(2)).equals("before") ? -1 : 1;
			return time(TimePredicate.shiftCycle(u, n, t(m.get(3)).pred()), Form.OTHER);
		}, w("the"), unit(), w("after|before"), new Cat(v -> v instanceof Time t && !t.latent() && t.pred().grain().compareTo(Unit.DAY) >= 0));
		rule("<time> in <n> years", m -> {
			Amount a = ((AmountV) m.get(m.size() - 1)).amount();
			Time base = t(m.get(0));
			return time(laterOccurrence(base.pred(), a), Form.OTHER);
		}, form(Form.NAMED_DAY, Form.MONTH, Form.WEEKDAY, Form.DAY), w("in"), amount());
		rule("<time> <n> years from now", m -> {
			Amount a = ((AmountV) m.get(1)).amount();
			return time(laterOccurrence(t(m.get(0)).pred(), a), Form.OTHER);
		}, form(Form.NAMED_DAY, Form.MONTH, Form.WEEKDAY, Form.DAY), amount(), w("from|hence"), opt("now|today"));
		rule("next|upcoming <n> <unit>", m -> {
			int n = intOf(m.get(1));
			Unit u = ((UnitV) m.get(2)).unit();
			return u.compareTo(Unit.DAY) >= 0 ? time(cycleNth(u, n), Form.OTHER) : null;
		}, w("upcoming"), num(1, 100), unit());
		rule("<n> upcoming <unit>", m -> {
			int n = intOf(m.get(0));
			Unit u = ((UnitV) m.get(2)).unit();
			return u.compareTo(Unit.DAY) >= 0 ? time(cycleNth(u, n), Form.OTHER) : null;
		}, num(1, 100), w("upcoming|coming|next"), unit());
		// "2 Fridays from now", "three Mondays from today"
		rule("<n> <weekdays> from now", m -> {
			int n = intOf(m.get(0));
			TimePredicate dow = t(m.get(1)).pred();
			return n < 1 ? null : time(nthAfterNow(dow, n - 1, true), Form.OTHER);
		}, num(1, 52), form(Form.WEEKDAY), w("from|after|hence"), opt("now|today"));
		rule("<ordinal> <weekday> from now", m -> time(nthAfterNow(t(m.get(1)).pred(), intOf(m.get(0)) - 1, true), Form.OTHER),
				opt("the"), ord(), form(Form.WEEKDAY), w("from"), w("now|today"));
	}

	private static TimePredicate inAmount(Amount a) {
		Unit g = a.unit();
		return TimePredicate.fixed(g, ref -> {
			// the exact instant: "in 7 days" keeps the time of day
			return TimePredicate.occ(a.plus(ref.now()).withNano(0), Unit.SECOND);
		});
	}

	/** "Christmas in 2 years": the occurrence in the year the amount leads to. */
	private static TimePredicate laterOccurrence(TimePredicate base, Amount a) {
		return TimePredicate.fixed(base.grain(), ref -> {
			LocalDateTime target = a.plus(ref.now());
			LocalDateTime from = a.unit().compareTo(Unit.YEAR) >= 0 ? Unit.YEAR.truncate(target) : Unit.DAY.truncate(target);
			List<Occurrence> o = base.within(ref, from, from.plusYears(2));
			return o.isEmpty() ? null : o.get(0);
		});
	}

	/** The n-th (0-based) occurrence after the one in progress now (when {@code notNow}). */
	static TimePredicate nthAfterNow(TimePredicate p, int n, boolean notNow) {
		return TimePredicate.fixed(p.grain(), ref -> {
			List<Occurrence> o = p.within(ref, ref.now(), ref.now().plusYears(30));
			int k = n;
			if (notNow && !o.isEmpty() && !o.get(0).start().isAfter(ref.now())) {
				k++;
			}
			return k < o.size() ? o.get(k) : null;
		});
	}

	private void composition() {
		rule("on <time>", m -> t(m.get(1)), w("on|for"), timeNotLatent());
		rule("on a <weekday>", m -> t(m.get(2)), w("on"), w("a"), form(Form.WEEKDAY));
		rule("in <month|year>", m -> t(m.get(1)).latent(false), w("in|during|of|by|until|till|before|for"), form(Form.MONTH, Form.YEAR));
		rule("this <weekday|named>", m -> {
			Time x = t(m.get(1));
			return time(nthAfterNow(x.pred(), 0, false), x.form() == Form.MONTH ? Form.DAY : Form.OTHER);
		}, w("this|coming"), form(Form.WEEKDAY, Form.MONTH, Form.NAMED_DAY, Form.PART_OF_DAY));
		rule("next <weekday|named>", m -> {
			Time x = t(m.get(1));
			if (x.form() == Form.WEEKDAY) {
				// "next Friday": the Friday of next week
				TimePredicate nextWeek = cycleNth(Unit.WEEK, 1);
				return time(TimePredicate.intersect(nextWeek, x.pred()), Form.OTHER);
			}
			return time(nthAfterNow(x.pred(), 0, true), Form.OTHER);
		}, w("next|following"), form(Form.WEEKDAY, Form.MONTH, Form.NAMED_DAY));
		rule("<time> after next", m -> time(nthAfterNow(t(m.get(0)).pred(), 1, true), Form.OTHER), timeNotLatent(), w("after"),
				w("next"));
		rule("<weekday> of this|next week", m -> {
			int n = ((String) m.get(m.size() - 2)).equals("next") ? 1 : 0;
			return time(TimePredicate.intersect(cycleNth(Unit.WEEK, n), t(m.get(0)).pred()), Form.OTHER);
		}, form(Form.WEEKDAY), opt("of"), w("this|next"), w("week"));
		// "the last Friday of October", "the 2nd Monday of May", "the second last day of the month"
		rule("<ordinal> <time> of <time>", m -> {
			int i = m.get(0) instanceof String ? 1 : 0;
			int n = intOf(m.get(i)) - 1;
			return time(TimePredicate.nthOf(n, false, t(m.get(i + 1)).pred(), t(m.get(i + 3)).pred()), Form.OTHER);
		}, opt("the"), ord(), form(Form.WEEKDAY, Form.DAY_OF_MONTH), w("of|in"), time());
		rule("last <weekday> of <time>", m -> {
			int i = m.get(0) instanceof String s && s.equals("the") ? 1 : 0;
			return time(TimePredicate.nthOf(0, true, t(m.get(i + 1)).pred(), t(m.get(i + 3)).pred()), Form.OTHER);
		}, opt("the"), w("last"), form(Form.WEEKDAY), w("of|in"), time());
		rule("<ordinal> last <weekday> of <time>", m -> {
			var v = values(m);
			return time(TimePredicate.nthOf(intOf(v.get(0)) - 1, true, t(v.get(1)).pred(), t(v.get(2)).pred()), Form.OTHER);
		}, opt("the"), ord(), w("last|to"), opt("last"), form(Form.WEEKDAY), w("of|in"), time());
		rule("last <unit> of <time>", m -> {
			int i = m.get(0) instanceof String s && s.equals("the") ? 1 : 0;
			Unit u = ((UnitV) m.get(i + 1)).unit();
			return time(TimePredicate.nthOf(0, true, TimePredicate.cycle(u), t(m.get(i + 3)).pred()), Form.OTHER);
		}, opt("the"), w("last|final"), unit(), w("of|in"), time());
		rule("<ordinal> last <unit> of <time>", m -> {
			int i = m.get(0) instanceof String ? 1 : 0;
			Unit u = ((UnitV) m.get(m.size() - 3)).unit();
			return time(TimePredicate.nthOf(intOf(m.get(i)) - 1, true, TimePredicate.cycle(u), t(m.get(m.size() - 1)).pred()),
					Form.OTHER);
		}, opt("the"), ord(), opt("-"), w("last|to"), opt("last"), unit(), w("of|in"), time());
		rule("<ordinal> <unit> of <time>", m -> {
			int i = m.get(0) instanceof String ? 1 : 0;
			Unit u = ((UnitV) m.get(i + 1)).unit();
			int n = intOf(m.get(i)) - 1;
			Time outer = t(m.get(i + 3));
			if (u == Unit.DAY) {
				return time(TimePredicate.nthOf(n, false, TimePredicate.cycle(u), outer.pred()), Form.OTHER);
			}
			// "the first week of October": the week holding the start of October, then the following ones
			return time(nthCycleFrom(u, n, outer.pred()), Form.OTHER);
		}, opt("the"), ord(), unit(), w("of|in|from"), time());
		rule("<unit> of <time> (the week of Oct 7)", m -> {
			Unit u = ((UnitV) m.get(1)).unit();
			return time(TimePredicate.shiftCycle(u, 0, t(m.get(3)).pred()), Form.OTHER);
		}, w("the"), unit(), w("of"), timeNotLatent());
		// intersections
		rule("<time> <time>", m -> intersect(t(m.get(0)), t(m.get(m.size() - 1))), timeNotLatent(),
				opt(",|at|@|on|of|in|the|by|from|for|'s|this"), timeNotLatent());
		rule("<time> <year>", m -> intersect(t(m.get(0)), t(m.get(m.size() - 1))), timeNotLatent(), opt(","),
				new Cat(v -> v instanceof Time t && t.form() == Form.YEAR));
		rule("<date> <hour>", m -> intersect(t(m.get(0)), t(m.get(m.size() - 1))), form(Form.DAY, Form.WEEKDAY, Form.OTHER),
				opt("at|@"), new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY
						&& (!t.latent() || t.twelveHour() && t.hour() >= 1)));
		rule("<time> <part of day>", m -> intersect(t(m.get(0)), t(m.get(m.size() - 1))), form(Form.DAY, Form.WEEKDAY, Form.OTHER),
				opt("in|at|this"), opt("the"), form(Form.PART_OF_DAY));
		rule("<time> of <part of day>", m -> intersect(t(m.get(0)), t(m.get(m.size() - 1))), form(Form.PART_OF_DAY), w("of|on"),
				timeNotLatent());
	}

	private static List<Object> values(List<Object> m) {
		return m.stream().filter(o -> !(o instanceof String)).toList();
	}

	private static TimePredicate nthCycleFrom(Unit u, int n, TimePredicate outer) {
		return TimePredicate.shiftCycle(u, n, outer);
	}

	private static @Nullable Time intersect(Time a, Time b) {
		if (a.form() == b.form() && a.form() != Form.OTHER && a.form() != Form.DAY) {
			return null;
		}
		if (a.form() == Form.YEAR && b.form() == Form.YEAR) {
			return null;
		}
		TimePredicate p = TimePredicate.intersect(a.pred(), b.pred());
		TimePredicate wide = a.wide() != null ? TimePredicate.intersect(a.wide(), b.pred())
				: b.wide() != null ? TimePredicate.intersect(a.pred(), b.wide()) : null;
		boolean tod = a.form() == Form.TIME_OF_DAY || b.form() == Form.TIME_OF_DAY;
		// "tomorrow evening" stays a part of the day, so an hour can still join it ("9 tomorrow evening")
		Form f = tod ? Form.OTHER : (a.form() == Form.PART_OF_DAY || b.form() == Form.PART_OF_DAY ? Form.PART_OF_DAY : Form.DAY);
		return new Time(p, f, false, -1, false, false, f == Form.PART_OF_DAY ? wide : null);
	}

	/** Ranges of days in a month ("July 13-15", "from the 13th to the 15th of July"), before generic intersections. */
	private void dateRanges() {
		rule("<month> <d>-<d>", m -> {
			Time mo = t(m.get(0));
			int a = intOf(m.get(1));
			int b = intOf(m.get(3));
			return a < b && b <= 31 ? range(time(TimePredicate.intersect(mo.pred(), dom(a)), Form.DAY),
					time(TimePredicate.intersect(mo.pred(), dom(b)), Form.DAY)) : null;
		}, form(Form.MONTH), new Cat(v -> v instanceof Ord || v instanceof Num n && n.integer()), w("-|to|till|thru|through"),
				new Cat(v -> v instanceof Ord || v instanceof Num n && n.integer()));
		rule("<d>-<d> <month>", m -> {
			var nums = m.stream().filter(x -> !(x instanceof String)).toList();
			Time mo = t(m.get(m.size() - 1));
			int a = intOf(nums.get(0));
			int b = intOf(nums.get(1));
			return a < b && b <= 31 ? range(time(TimePredicate.intersect(mo.pred(), dom(a)), Form.DAY),
					time(TimePredicate.intersect(mo.pred(), dom(b)), Form.DAY)) : null;
		}, opt("from"), opt("the"), new Cat(v -> v instanceof Ord || v instanceof Num n && n.integer()), w("-|to|till|thru|through"),
				opt("the"), new Cat(v -> v instanceof Ord || v instanceof Num n && n.integer()), opt("of"), form(Form.MONTH));
	}

	private void intervals() {
		rule("from <time> to <time>", m -> {
			int i = m.get(0) instanceof String ? 1 : 0;
			return range(t(m.get(i)), t(m.get(i + 2)));
		}, opt("from|between"), timeNotLatent(), w("to|-|till|until|thru|through|and"), timeNotLatent());
		rule("<hour>-<hour> am|pm", m -> {
			Time a = t(m.get(m.get(0) instanceof String ? 1 : 0));
			Time b = t(m.get(m.size() - 1));
			if (a.hour() < 0 || b.hour() < 0 || b.twelveHour()) {
				return null;
			}
			int h = a.hour() % 12 + (b.hour() >= 12 && a.hour() % 12 < b.hour() % 12 + 0 ? 12 : 0);
			Time a2 = minuteOf(new Time(a.pred(), Form.TIME_OF_DAY, false, h, false, false), 0);
			return a2 == null ? null : range(a2, b);
		}, opt("from|between"), form(Form.TIME_OF_DAY), w("-|to|till|until"), form(Form.TIME_OF_DAY));
		rule("by <time>", m -> t(m.get(1)), w("by|before|until|till|til"), timeNotLatent());
	}

	private static @Nullable Time range(Time a, Time b) {
		// "move it from Wednesday 5pm to Thursday": a time then a bare day is a change of date, not a range
		boolean aHasClock = a.form() == Form.OTHER || a.form() == Form.TIME_OF_DAY;
		if (aHasClock && (b.form() == Form.WEEKDAY || b.form() == Form.DAY)) {
			return null;
		}
		return new Time(TimePredicate.interval(a.pred(), b.pred(), true), Form.OTHER, false, -1, false, false);
	}

	// ---- Spanish, Portuguese, Indonesian, Hinglish ------------------------------------------------------------

	/**
	 * The same kinds of expression in the other four languages: their words (Languages) feed the same values, and
	 * the rules below are the combinations whose word order differs from English (postposed "que viene", "depan",
	 * "ka"; "a las 3 y media", "jam setengah 4", "saadhe teen baje"). The text is read in every language at once
	 * (the parser is not told the language), so a word that is common in another language is latent alone.
	 */
	private void otherLanguages() {
		BusinessConventions c = conventions;
		// numbers
		rule("number word (es/pt/id/hi)", m -> {
			String word = (String) m.get(0);
			return new Num(Languages.NUMBERS.get(word), true, !Languages.AMBIGUOUS_NUMBERS.contains(word));
		}, w(String.join("|", Languages.NUMBERS.keySet())));
		rule("veinte y cinco / vinte e cinco", m -> new Num(intOf(m.get(0)) + intOf(m.get(2)), true),
				new Cat(v -> v instanceof Num n && n.integer() && n.value() >= 20 && n.value() <= 90 && n.value() % 10 == 0),
				w("y|e"), new Cat(v -> v instanceof Num n && n.integer() && n.value() >= 1 && n.value() <= 9));
		rule("dua belas", m -> new Num(intOf(m.get(0)) + 10, true), num(2, 9), w("belas"));
		rule("ordinal word (es/pt/id/hi)", m -> new Ord(Languages.ORDINALS.get((String) m.get(0))),
				w(String.join("|", Languages.ORDINALS.keySet())));
		rule("ke-3", m -> new Ord(intOf(m.get(m.size() - 1))), w("ke"), opt("-"), num(1, 31));
		rule("half (es/pt/id/hi)", m -> new Num(0.5, false, false), w("media|medio|meia|meio|setengah|stengah|aadha|aadhe|adha|adhe|aadhi|adhi"));
		rule("a quarter (id)", m -> new Num(0.25, false, false), w("seperempat|sprempat"));
		rule("dedh / dhai", m -> new Num(((String) m.get(0)).startsWith("d") && ((String) m.get(0)).contains("e") ? 1.5 : 2.5, false, false),
				w("dedh|derh|dhai|dhaai|adhai|arhai|dhaee"));
		rule("satu setengah (id)", m -> new Num(intOf(m.get(0)) + 0.5, false), num(1, 23), w("setengah|stengah"));
		rule("saadhe / sawa / paune (hi)", m -> {
			String f = (String) m.get(0);
			double n = intOf(m.get(1));
			double v = f.startsWith("s") && f.contains("w") ? n + 0.25 : f.startsWith("p") ? n - 0.25 : n + 0.5;
			return new Num(v, false, false);
		}, w("saadhe|sadhe|saade|sade|sawa|sava|paune|pone|paone"), num(1, 23));
		rule("<n> <unit> y|e media (es/pt)", m -> {
			Unit u = ((UnitV) m.get(1)).unit();
			return new AmountV(Amount.of(((Num) m.get(0)).value() + 0.5, u));
		}, anyNum(), unit(), w("y|e"), w("media|medio|meia|meio"));
		rule("hora y media (es/pt)", m -> new AmountV(Amount.of(1.5, ((UnitV) m.get(0)).unit())), unit(), w("y|e"), w("media|medio|meia|meio"));
		rule("sehari / sejam / seminggu (id)", m -> {
			Unit u = UNIT_FOR_SE.get(((String) m.get(0)).substring(2));
			return u == null ? null : new AmountV(Amount.of(1, u));
		}, w("se(hari|jam|minggu|pekan|bulan|tahun|menit)"));
		rule("unit (es/pt/id/hi)", m -> new UnitV(Languages.UNITS.get((String) m.get(0))), w(String.join("|", Languages.UNITS.keySet())));

		// now, today, tomorrow
		Function<List<Object>, @Nullable Value> now = m -> new Time(TimePredicate.fixed(Unit.SECOND,
				ref -> TimePredicate.occ(ref.now(), Unit.SECOND)), Form.OTHER, false, -1, false, true);
		rule("now (es/pt/id/hi)", now, w("ahora|ahorita|ahoritita|agora|agr|sekarang|skrg|skrng|skg|abhi|abi|turant|turrant"));
		rule("right now (es/pt/id/hi)", now, w("ahora|ahorita|agora|sekarang|skrg|abhi"), w("mismo|mesmo|juga|ke|hi"), opt("abhi"));
		rule("at the moment (es/pt/id/hi)", now, w("en|neste|nesse|este|saat|isi|iss"), w("este|momento|ini|waqt|samay|time|moment"));
		rule("today (es/pt/id/hi)", m -> time(cycleNth(Unit.DAY, 0), Form.DAY), w("hoy|hoje|aaj|aj"));
		rule("hari ini", m -> time(cycleNth(Unit.DAY, 0), Form.DAY), w("hari|hr"), w("ini"));
		rule("tomorrow (es/pt/id/hi)", m -> time(cycleNth(Unit.DAY, 1), Form.DAY),
				w("manana|amanha|amnh|amanh|amanhaa|besok|bsk|besuk|esok|kal|kl"));
		rule("day after tomorrow (es/pt/id/hi)", m -> time(cycleNth(Unit.DAY, 2), Form.DAY), w("lusa|parso|parson|parsoon"));
		rule("pasado manana / depois de amanha", m -> time(cycleNth(Unit.DAY, 2), Form.DAY), w("pasado|depois"), opt("de"),
				w("manana|amanha|amnh"));

		// weekdays, months, seasons
		for (int i = 0; i < Languages.WEEKDAYS.length; i++) {
			DayOfWeek dow = DayOfWeek.of(i + 1);
			rule("weekday (es/pt/id/hi)", m -> time(TimePredicate.days(7, d -> d.getDayOfWeek() == dow), Form.WEEKDAY)
					.latent(Languages.ORDINAL_WEEKDAY.matcher((String) m.get(0)).matches()), w("(" + Languages.WEEKDAYS[i] + ")"));
		}
		rule("hari minggu (Sunday)", m -> time(TimePredicate.days(7, d -> d.getDayOfWeek() == DayOfWeek.SUNDAY), Form.WEEKDAY),
				w("hari|hr"), w("minggu|ahad"));
		rule("minggu, <date> (Sunday)", m -> time(TimePredicate.intersect(TimePredicate.days(7, d -> d.getDayOfWeek() == DayOfWeek.SUNDAY),
				t(m.get(m.size() - 1)).pred()), Form.DAY), w("minggu|ahad"), opt(","), new Peek(w("\\d+")), form(Form.DAY));
		rule("hari <weekday>", m -> t(m.get(1)).latent(false), w("hari|hr|pada"), form(Form.WEEKDAY));
		rule("segunda-feira", m -> t(m.get(0)).latent(false), form(Form.WEEKDAY), opt("-"), w("feira|fra|f"));
		rule("na segunda (pt)", m -> t(m.get(m.size() - 1)).latent(false),
				w("na|nas|as|aos|pra|para|nesta|desta|dessa|essa|esta|toda|todas|proxima|el|los|ko"), form(Form.WEEKDAY));
		for (int i = 0; i < Languages.MONTHS.length; i++) {
			int month = i + 1;
			rule("month (es/pt/id)", m -> time(TimePredicate.month(month), Form.MONTH).latent(true), w(Languages.MONTHS[i]));
		}
		rule("bulan <month> (id)", m -> t(m.get(1)).latent(false), w("bulan|bln"), form(Form.MONTH));
		rule("season (es/pt)", m -> {
			String s = (String) m.get(0);
			TimePredicate p = s.startsWith("ver") ? TimePredicate.yearlyInterval(6, 21, 9, 23)
					: s.startsWith("o") ? TimePredicate.yearlyInterval(9, 23, 12, 21)
							: s.startsWith("in") ? TimePredicate.yearlyInterval(12, 21, 3, 20) : TimePredicate.yearlyInterval(3, 20, 6, 21);
			return time(p, Form.NAMED_DAY);
		}, w("verano|verao|otono|outono|invierno|inverno|primavera"));
		rule("en verano (es/pt)", m -> t(m.get(m.size() - 1)).latent(false), w("en|em|no|na|durante|para|pro|pra|el|la|o|a"),
				opt("el|la|o|a"), form(Form.NAMED_DAY));
		holiday("navidad / natal", y -> LocalDate.of(y, 12, 25), w("navidad|natal|krismas|natalan"));
		holiday("nochebuena", y -> LocalDate.of(y, 12, 24), w("nochebuena"));
		holiday("ano nuevo / ano novo / tahun baru", y -> LocalDate.of(y, 1, 1), w("ano|tahun"), w("nuevo|novo|baru"));

		// parts of the day
		rule("part of day (es/pt/id/hi)", m -> podOf((String) m.get(0)), w(Languages.PARTS_OF_DAY));
		rule("por la manana / de tarde / pela manha", m -> {
			String word = (String) m.get(m.size() - 1);
			Time p = podOf(word);
			return p == null || !Languages.prefixesPartOfDay((String) m.get(0), word) ? null : p.latent(false);
		}, w("por|en|de|da|esta|toda|pela|na|nesta|essa|a|no|di|pada"), opt("la|esta|a"), w(Languages.PARTS_OF_DAY));
		rule("nanti malam (later today)", m -> {
			Time p = podOf((String) m.get(1));
			return p == null ? null : intersect(time(cycleNth(Unit.DAY, 0), Form.DAY), p);
		}, w("nanti|ntar|entar|ntr|aaj|hoje|hoy|esta"), w(Languages.PARTS_OF_DAY));
		rule("noon (es/pt/id/hi)", m -> new Time(TimePredicate.timeOfDay(12, 0, 0, false, Unit.HOUR), Form.TIME_OF_DAY, false, 12, false, false),
				w("mediodia|meiodia"));
		rule("meio-dia / tengah hari", m -> new Time(TimePredicate.timeOfDay(12, 0, 0, false, Unit.HOUR), Form.TIME_OF_DAY, false, 12, false, false),
				w("meio|medio|tengah"), opt("-"), w("dia|hari"));
		rule("midnight (es/pt/id)", m -> new Time(TimePredicate.timeOfDay(0, 0, 0, false, Unit.HOUR), Form.TIME_OF_DAY, false, 0, false, false),
				w("medianoche"));
		rule("meia-noite / tengah malam", m -> new Time(TimePredicate.timeOfDay(0, 0, 0, false, Unit.HOUR), Form.TIME_OF_DAY, false, 0, false, false),
				w("meia|media|tengah"), opt("-"), w("noite|noche|malam"));

		// clock times: "a las 5", "às 5", "jam 5", "5 baje", with minutes and parts of the day
		rule("a las <hour>", m -> {
			Object h = m.get(m.size() - 1);
			if (h instanceof Time t) {
				return t.form() == Form.TIME_OF_DAY ? t.latent(false) : null;
			}
			int n = intOf(h);
			return n < 0 || n > 24 ? null : clock(n, 0, 0, n <= 12, Unit.HOUR, false);
		}, w("a"), w("las?"), new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY
				|| v instanceof Num n && n.integer()));
		rule("jam / pukul <hour>", m -> {
			Object h = m.get(m.size() - 1);
			if (h instanceof Time t) {
				return t.form() == Form.TIME_OF_DAY && t.hour() >= 0 ? t.latent(false) : null;
			}
			if (h instanceof Num n && n.value() >= 0 && n.value() <= 24) {
				return n.integer() ? clock((int) n.value(), 0, 0, n.value() <= 12, Unit.HOUR, false) : hourFraction(n.value());
			}
			return null;
		}, w("jam|jm|pukul|pkl|pk"), new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY || v instanceof Num));
		rule("às <hour> (pt)", m -> t(m.get(m.size() - 1)).latent(false), w("as|das"),
				new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0),
				new Peek(w("[^a-z\\d]|da|de|do|horas?|hrs|h|e|em|no|na|ou|pra|para|hoje|amanha|ok|entao|por|pf|pfv|tudo|certo|ta|beleza|blz")));
		rule("<n> baje (hi)", m -> {
			double n = ((Num) m.get(0)).value();
			return n <= 0 || n > 24 ? null : n == Math.rint(n) ? clock((int) n, 0, 0, n <= 12, Unit.HOUR, false) : hourFraction(n);
		}, anyNum(), w("baje|bje|baaje|bajey|bajay|bajje"));
		rule("<time of day> baje (hi)", m -> t(m.get(0)).latent(false), form(Form.TIME_OF_DAY), w("baje|bje|baaje|bajey"));
		rule("3 y media / 3 e meia", m -> {
			Time h = t(m.get(0));
			String what = (String) m.get(2);
			return h.hour() < 0 ? null : minutesAfter(h, what.startsWith("cuarto") ? 15 : 30);
		}, new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0 && t.pred().grain() == Unit.HOUR),
				w("y|e"), w("media|meia|cuarto"));
		rule("3 y 20 / 3 e 15", m -> {
			Time h = t(m.get(0));
			int n = intOf(m.get(2));
			return h.hour() < 0 ? null : minutesAfter(h, n);
		}, new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0 && t.pred().grain() == Unit.HOUR),
				w("y|e"), num(1, 59), opt("minutos?|min"));
		rule("5 menos cuarto / 5 kurang 10", m -> {
			Time h = t(m.get(0));
			Object n = m.get(2);
			double minutes = n instanceof String ? 15 : ((Num) n).value() == 0.25 ? 15 : ((Num) n).value();
			return h.hour() < 0 ? null : minutesAfter(h, -minutes);
		}, new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0 && t.pred().grain() == Unit.HOUR),
				w("menos|kurang|krg"), new Cat(v -> v instanceof Num n && (n.value() == 0.25 || n.integer() && n.value() >= 1 && n.value() <= 59)),
				opt("menit|minutos?|min"));
		rule("5 menos cuarto (word)", m -> {
			Time h = t(m.get(0));
			return h.hour() < 0 ? null : minutesAfter(h, -15);
		}, new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0 && t.pred().grain() == Unit.HOUR),
				w("menos"), w("cuarto"));
		rule("3 lewat 15 (id)", m -> {
			Time h = t(m.get(0));
			Num n = (Num) m.get(2);
			return h.hour() < 0 ? null : minutesAfter(h, n.value() == 0.25 ? 15 : n.value());
		}, new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0 && t.pred().grain() == Unit.HOUR),
				w("lewat|lebih|lbh"), new Cat(v -> v instanceof Num n && (n.value() == 0.25 || n.integer() && n.value() >= 1 && n.value() <= 59)),
				opt("menit"));
		rule("setengah 4 (id: 3:30)", m -> {
			Object h = m.get(1);
			int hour = h instanceof Time t ? t.hour() : intOf(h);
			return hour < 1 || hour > 24 ? null : minutesAfter(clock(hour, 0, 0, hour <= 12, Unit.HOUR, false), -30);
		}, w("setengah|stengah"), new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0
				&& t.pred().grain() == Unit.HOUR || v instanceof Num n && n.integer() && n.exact()));
		rule("veinte para las 5 (pt/es)", m -> {
			Num n = (Num) m.get(0);
			Time h = t(m.get(m.size() - 1));
			return h.hour() < 0 ? null : minutesAfter(h, -n.value());
		}, new Cat(v -> v instanceof Num n && n.integer() && n.value() >= 1 && n.value() <= 59), opt("minutos?|min"),
				w("para|pras|pra"), opt("as|a|las"), new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && t.hour() >= 0));
		rule("<hour> de la noche / jam 8 malam", m -> {
			Time h = t(m.get(0));
			Time p = t(m.get(m.size() - 1));
			return new Time(TimePredicate.intersect(h.wide() != null ? h.wide() : h.pred(), p.wide() != null ? p.wide() : p.pred()),
					Form.TIME_OF_DAY, false, h.hour(), false, false);
		}, form(Form.TIME_OF_DAY), w("de|da|do|en|por|a|di"), opt("la|a|el"), form(Form.PART_OF_DAY));
		rule("raat 8 baje / malam jam 9", m -> {
			Time p = t(m.get(0));
			Time h = t(m.get(m.size() - 1));
			return new Time(TimePredicate.intersect(h.wide() != null ? h.wide() : h.pred(), p.wide() != null ? p.wide() : p.pred()),
					Form.TIME_OF_DAY, false, h.hour(), false, false);
		}, form(Form.PART_OF_DAY), opt("ko|mein|me|ke|a|de|às|as"), new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && !t.latent()));

		// this / next / last, before and after the noun
		rule("is hafte (hi)", m -> time(businessCycle(((UnitV) m.get(1)).unit(), 0), Form.OTHER), w("is|iss"), unit());
		rule("este|proximo|agle <unit>", m -> {
			String which = (String) m.get(0);
			Unit u = ((UnitV) m.get(m.size() - 1)).unit();
			int n = Languages.NEXT.matcher(which).matches() ? 1 : Languages.LAST.matcher(which).matches() ? -1 : 0;
			return time(businessCycle(u, n), Form.OTHER);
		}, w(Languages.NEXT.pattern() + "|" + Languages.LAST.pattern() + "|" + Languages.THIS.pattern()), unit());
		rule("<unit> que viene / depan / ini", m -> {
			Unit u = ((UnitV) m.get(0)).unit();
			String which = (String) m.get(1);
			int n = which.equals("que") || Languages.NEXT_AFTER.matcher(which).matches() ? 1
					: Languages.LAST_AFTER.matcher(which).matches() ? -1 : 0;
			return time(businessCycle(u, n), Form.OTHER);
		}, unit(), w("que|" + Languages.NEXT_AFTER.pattern() + "|" + Languages.LAST_AFTER.pattern() + "|ini|ni"), opt("viene|vem"));
		rule("el|la <unit> que viene", m -> t(m.get(1)), w("el|la|o|a|del|do|da|de"), new Cat(v -> v instanceof Time t && t.form() == Form.OTHER));
		rule("proximo <weekday|named>", m -> nextOf(t(m.get(m.size() - 1))), opt("el|la|o|a"), w(Languages.NEXT.pattern()),
				form(Form.WEEKDAY, Form.MONTH, Form.NAMED_DAY));
		rule("<weekday|named> que viene / depan", m -> nextOf(t(m.get(0))), form(Form.WEEKDAY, Form.MONTH, Form.NAMED_DAY),
				w("que|" + Languages.NEXT_AFTER.pattern()), opt("viene|vem"));
		rule("este <weekday|named>", m -> {
			Time x = t(m.get(m.size() - 1));
			return time(nthAfterNow(x.pred(), 0, false), x.form() == Form.MONTH ? Form.DAY : Form.OTHER);
		}, w(Languages.THIS.pattern()), form(Form.WEEKDAY, Form.MONTH, Form.NAMED_DAY, Form.PART_OF_DAY));
		rule("<weekday|named> ini", m -> {
			Time x = t(m.get(0));
			return time(nthAfterNow(x.pred(), 0, false), Form.OTHER);
		}, form(Form.WEEKDAY, Form.MONTH, Form.NAMED_DAY), w("ini"));

		// offsets: "en 2 horas", "daqui a 3 dias", "dalam 2 jam", "2 jam lagi", "2 ghante mein"
		rule("en <amount>", m -> time(inAmount(((AmountV) m.get(m.size() - 1)).amount()), Form.OTHER),
				w("en|em|dalam|dlm|despues|depois"), opt("de"), opt("las|los|os|as"), opt("proximas|proximos|proximas"), amount());
		rule("dentro de / daqui a <amount>", m -> time(inAmount(((AmountV) m.get(m.size() - 1)).amount()), Form.OTHER),
				w("dentro|daqui|daki|luego"), w("de|a"), opt("las|los|os|as|un|una|uma|um"), opt("proximas|proximos"), amount());
		rule("<amount> lagi / mein / baad", m -> time(inAmount(((AmountV) m.get(0)).amount()), Form.OTHER), amount(),
				w("lagi|mein|mei|me|main|baad|bad|despues|depois|kemudian"));
		// counts of business days
		rule("<n> business days", m -> businessDays(intOf(m.get(0))).latent(true), num(1, 60), w("business|working|work|biz|kaam"),
				w("days?|din|dino"));
		rule("<n> dias habiles / hari kerja", m -> businessDays(intOf(m.get(0))).latent(true), num(1, 60), unit(),
				w("habiles|habil|laborables|laborable|uteis|util|kerja|working|business"));
		rule("in <n> business days", m -> t(m.get(m.size() - 1)).latent(false), w("in|within|en|em|dalam|dlm|after"), opt("the|los|os"),
				opt("next|proximos"), new Cat(v -> v instanceof Time t && t.form() == Form.NAMED_DAY && t.latent()));
		rule("dentro de <n> dias habiles", m -> t(m.get(m.size() - 1)).latent(false), w("dentro|daqui"), w("de|a"),
				opt("los|os"), new Cat(v -> v instanceof Time t && t.form() == Form.NAMED_DAY && t.latent()));
		rule("<n> business days from now / lagi / mein", m -> t(m.get(0)).latent(false),
				new Cat(v -> v instanceof Time t && t.form() == Form.NAMED_DAY && t.latent()),
				w("from|lagi|mein|me|main|baad|bad|hence|later"), opt("now|today"));

		// "el ultimo lunes de mayo", "la segunda semana de junio", "el ultimo dia del ano"
		rule("el ultimo <weekday> de <time>", m -> time(TimePredicate.nthOf(0, true, t(m.get(m.size() - 3)).pred(),
				t(m.get(m.size() - 1)).pred()), Form.OTHER), opt("el|la|o|a"), w("ultimo|ultima|ult"), form(Form.WEEKDAY),
				w("de|del|do|da"), outer());
		rule("el ultimo <unit> de <time>", m -> time(TimePredicate.nthOf(0, true, TimePredicate.cycle(((UnitV) m.get(m.size() - 3)).unit()),
				t(m.get(m.size() - 1)).pred()), Form.OTHER), opt("el|la|o|a"), w("ultimo|ultima|ult"), unit(), w("de|del|do|da"), outer());
		rule("el ultimo <unit> del <unit>", m -> {
			Unit inner = ((UnitV) m.get(m.size() - 3)).unit();
			Unit outer = ((UnitV) m.get(m.size() - 1)).unit();
			return inner.compareTo(outer) >= 0 ? null
					: time(TimePredicate.nthOf(0, true, TimePredicate.cycle(inner), cycleNth(outer, 0)), Form.OTHER);
		}, opt("el|la|o|a"), w("ultimo|ultima|ult"), unit(), w("de|del|do|da"), opt("este|esta|este|el|la|o|a"), unit());
		rule("la <ordinal> <weekday> de <time>", m -> {
			var v = values(m);
			return time(TimePredicate.nthOf(intOf(v.get(0)) - 1, false, t(v.get(1)).pred(), t(v.get(2)).pred()), Form.OTHER);
		}, opt("el|la|o|a"), ord(), form(Form.WEEKDAY), w("de|del|do|da"), outer());
		rule("la <ordinal> <unit> de <time>", m -> {
			var v = values(m);
			Unit u = ((UnitV) v.get(1)).unit();
			int n = intOf(v.get(0)) - 1;
			Time outer = t(v.get(2));
			return u == Unit.DAY ? time(TimePredicate.nthOf(n, false, TimePredicate.cycle(u), outer.pred()), Form.OTHER)
					: time(nthCycleFrom(u, n, outer.pred()), Form.OTHER);
		}, opt("el|la|o|a"), ord(), unit(), w("de|del|do|da"), outer());
		rule("senin terakhir bulan mei (id)", m -> time(TimePredicate.nthOf(0, true, t(m.get(0)).pred(), t(m.get(m.size() - 1)).pred()),
				Form.OTHER), form(Form.WEEKDAY), w("terakhir|trakhir"), opt("di|dari|pada"), outer());
		rule("hari terakhir tahun ini (id)", m -> time(TimePredicate.nthOf(0, true, TimePredicate.cycle(((UnitV) m.get(0)).unit()),
				t(m.get(m.size() - 1)).pred()), Form.OTHER), unit(), w("terakhir|trakhir"), opt("di|dari|pada"), outer());
		rule("senin kedua bulan mei (id)", m -> time(TimePredicate.nthOf(intOf(m.get(1)) - 1, false, t(m.get(0)).pred(),
				t(m.get(m.size() - 1)).pred()), Form.OTHER), form(Form.WEEKDAY), ord(), opt("di|dari|pada"), outer());
		rule("minggu kedua bulan juni (id)", m -> {
			Unit u = ((UnitV) m.get(0)).unit();
			int n = intOf(m.get(1)) - 1;
			Time outer = t(m.get(m.size() - 1));
			return u == Unit.DAY ? time(TimePredicate.nthOf(n, false, TimePredicate.cycle(u), outer.pred()), Form.OTHER)
					: time(nthCycleFrom(u, n, outer.pred()), Form.OTHER);
		}, unit(), ord(), opt("di|dari|pada"), outer());
		rule("is saal / is mahine (hi: this cycle)", m -> time(cycleNth(((UnitV) m.get(m.size() - 1)).unit(), 0), Form.OTHER).latent(true),
				opt("is|iss|ye|es"), unit(), new Peek(w("ka|ki|ke")));
		rule("May ka last Monday (hi)", m -> time(TimePredicate.nthOf(0, true, t(m.get(3)).pred(), t(m.get(0)).pred()), Form.OTHER),
				time(), w("ka|ki|ke"), w("last|aakhri|akhri|aakhiri|akhiri|antim"), form(Form.WEEKDAY));
		rule("saal ka aakhri din (hi)", m -> time(TimePredicate.nthOf(0, true, TimePredicate.cycle(((UnitV) m.get(3)).unit()),
				t(m.get(0)).pred()), Form.OTHER), time(), w("ka|ki|ke"), w("last|aakhri|akhri|aakhiri|akhiri|antim"), unit());
		rule("June ka doosra hafta (hi)", m -> {
			Unit u = ((UnitV) m.get(3)).unit();
			int n = intOf(m.get(2)) - 1;
			Time outer = t(m.get(0));
			return u == Unit.DAY ? time(TimePredicate.nthOf(n, false, TimePredicate.cycle(u), outer.pred()), Form.OTHER)
					: time(nthCycleFrom(u, n, outer.pred()), Form.OTHER);
		}, outer(), w("ka|ki|ke"), ord(), unit());
		rule("May ka doosra Monday (hi)", m -> time(TimePredicate.nthOf(intOf(m.get(2)) - 1, false, t(m.get(3)).pred(), t(m.get(0)).pred()),
				Form.OTHER), time(), w("ka|ki|ke"), ord(), form(Form.WEEKDAY));

		// quarters
		rule("el tercer trimestre", m -> {
			int q = intOf(values(m).get(0));
			return q >= 1 && q <= 4 ? quarter(q, null) : null;
		}, opt("el|la|o|a"), ord(), w("trimestre|kuartal|triwulan|quarter|qtr"));
		rule("kuartal ketiga / kuartal 3", m -> {
			int q = intOf(m.get(1));
			return q >= 1 && q <= 4 ? quarter(q, null) : null;
		}, w("kuartal|triwulan|trimestre|kuarter"), new Cat(v -> v instanceof Ord || v instanceof Num n && n.integer() && n.exact()));
		rule("<quarter> de <year>", m -> time(TimePredicate.intersect(t(m.get(0)).pred(), t(m.get(m.size() - 1)).pred()), Form.OTHER),
				new Cat(v -> v instanceof Time t && t.pred().grain() == Unit.QUARTER && t.form() == Form.MONTH), w("de|del|do|tahun|thn"),
				form(Form.YEAR));

		// a day of the current month: "el dia 20", "dia 3", "tanggal 20", "20 tarikh"
		rule("el dia 20 / tanggal 20", m -> {
			int d = intOf(m.get(m.size() - 1));
			return d >= 1 && d <= 31 ? new Time(dom(d), Form.DAY_OF_MONTH, false, -1, false, false) : null;
		}, opt("el|o|no|na|pada|tgl"), w("dia|tanggal|tgl|tangal|tanggl"), new Cat(v -> v instanceof Num n && n.integer() && n.exact() || v instanceof Ord));
		rule("20 tarikh (hi)", m -> {
			int d = intOf(m.get(0));
			return d >= 1 && d <= 31 ? new Time(dom(d), Form.DAY_OF_MONTH, false, -1, false, false) : null;
		}, new Cat(v -> v instanceof Num n && n.integer() || v instanceof Ord), w("tarikh|tareekh|tarik|tareek|tarich"));
		rule("10 de febrero", m -> {
			int d = intOf(m.get(0));
			return d >= 1 && d <= 31 ? time(TimePredicate.intersect(t(m.get(m.size() - 1)).pred(), dom(d)), Form.DAY) : null;
		}, new Cat(v -> v instanceof Ord || v instanceof Num n && n.integer()), w("de|del"), form(Form.MONTH));
		rule("<date> de <year>", m -> intersect(t(m.get(0)), t(m.get(m.size() - 1))), form(Form.DAY), w("de|del|tahun"), form(Form.YEAR));

		// shifts: "el dia despues de navidad", "dos dias antes de navidad", "sehari setelah natal", "Christmas ke agle din"
		rule("el dia despues de <time>", m -> {
			var v = values(m);
			Unit u = ((UnitV) v.get(0)).unit();
			boolean before = m.stream().anyMatch(o -> o instanceof String s && Languages.BEFORE.matcher(s).matches());
			return time(TimePredicate.shiftCycle(u, before ? -1 : 1, t(v.get(1)).pred()), Form.OTHER);
		}, opt("el|o"), unit(), w("despues|depois|antes|setelah|sesudah|sebelum|stlh|sblm"), opt("de|del|do|da"),
				new Cat(v -> v instanceof Time t && !t.latent() && t.pred().grain().compareTo(Unit.DAY) >= 0));
		rule("<amount> antes de <time>", m -> {
			Amount a = ((AmountV) m.get(0)).amount();
			boolean before = Languages.BEFORE.matcher((String) m.get(1)).matches();
			Amount signed = before ? new Amount(-a.months(), -a.seconds(), a.unit()) : a;
			return time(TimePredicate.shift(signed, t(m.get(m.size() - 1)).pred()), Form.OTHER);
		}, amount(), w("despues|depois|antes|setelah|sesudah|sebelum|stlh|sblm"), opt("de|del|do|da"), timeNotLatent());
		rule("<time> se <amount> pehle|baad (hi)", m -> {
			Amount a = ((AmountV) m.get(2)).amount();
			boolean before = ((String) m.get(3)).startsWith("p");
			Amount signed = before ? new Amount(-a.months(), -a.seconds(), a.unit()) : a;
			return time(TimePredicate.shift(signed, t(m.get(0)).pred()), Form.OTHER);
		}, timeNotLatent(), w("se|sey|ke"), amount(), w("pehle|pahle|pehele|baad|bad"));
		rule("<time> ke agle din (hi)", m -> {
			Unit u = ((UnitV) m.get(3)).unit();
			int n = ((String) m.get(2)).startsWith("a") || ((String) m.get(2)).equals("next") ? 1 : -1;
			return time(TimePredicate.shiftCycle(u, n, t(m.get(0)).pred()), Form.OTHER);
		}, timeNotLatent(), w("ke|k"), w("agle|agla|agli|next|pichhle|pichle|pichla|pehle"), unit());
		// intersections with the connectives of the other languages: "navidad del ano que viene", "quinta de manha"
		rule("<time> del <time>", m -> intersect(t(m.get(0)), t(m.get(m.size() - 1))), timeNotLatent(),
				w("del|de|do|da|di|pada|ko|ke|em|en|por|pela|as"), timeNotLatent());
		rule("<weekday> de manha / kal subah", m -> intersect(t(m.get(0)), t(m.get(m.size() - 1))), form(Form.DAY, Form.WEEKDAY, Form.OTHER),
				opt("de|da|por|en|a|pela|ko|ke"), opt("la"), form(Form.PART_OF_DAY));
		rule("<date> a las <hour>", m -> intersect(t(m.get(0)), t(m.get(m.size() - 1))), form(Form.DAY, Form.WEEKDAY, Form.OTHER),
				opt(","), new Cat(v -> v instanceof Time t && t.form() == Form.TIME_OF_DAY && !t.latent()));
		// "hasta el viernes", "kal tak" are left to the task rules: they read the marker around the expression
	}

	private static final Map<String, Unit> UNIT_FOR_SE = Map.of("hari", Unit.DAY, "jam", Unit.HOUR, "minggu", Unit.WEEK,
			"pekan", Unit.WEEK, "bulan", Unit.MONTH, "tahun", Unit.YEAR, "menit", Unit.MINUTE);

	/** "next Friday" is the Friday of next week; "next Christmas", "next spring" the next one. */
	private Time nextOf(Time x) {
		if (x.form() == Form.WEEKDAY) {
			return time(TimePredicate.intersect(cycleNth(Unit.WEEK, 1), x.pred()), Form.OTHER);
		}
		return time(nthAfterNow(x.pred(), 0, true), Form.OTHER);
	}

	/** An hour written with a fraction ("saadhe teen" = 3.5 = 3:30). */
	private static @Nullable Time hourFraction(double hours) {
		int h = (int) Math.floor(hours);
		int minutes = (int) Math.round((hours - h) * 60);
		return h < 0 || h > 23 ? null : clock(h, minutes, 0, h <= 12, Unit.MINUTE, false);
	}

	/** The n-th business day (Monday to Friday) after the day of sending. */
	private static Time businessDays(int n) {
		return new Time(TimePredicate.fixed(Unit.DAY, ref -> {
			LocalDate d = ref.now().toLocalDate();
			for (int k = 0; k < n;) {
				d = d.plusDays(1);
				if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
					k++;
				}
			}
			return TimePredicate.occ(d.atStartOfDay(), Unit.DAY);
		}), Form.NAMED_DAY, true, -1, false, false);
	}

	private @Nullable Time podOf(String word) {
		BusinessConventions c = conventions;
		return switch (Languages.partOfDay(word)) {
			case "morning" -> pod(c.morningStart(), c.morningEnd(), 0, 12);
			case "early" -> pod(LocalTime.of(4, 0), LocalTime.of(9, 0), 0, 10);
			case "midday" -> pod(LocalTime.of(11, 0), LocalTime.of(15, 0), 10, 16);
			case "afternoon" -> pod(c.afternoonStart(), c.afternoonEnd(), 12, 20);
			case "late afternoon" -> pod(LocalTime.of(15, 0), LocalTime.of(18, 0), 12, 20);
			case "evening" -> pod(c.eveningStart(), LocalTime.MIDNIGHT, 16, 24);
			default -> null;
		};
	}

	// ---- parsing ----------------------------------------------------------------------------------------------

	/** One expression found: its span in the text and its first occurrence. */
	record Match(int start, int end, Occurrence occurrence, boolean now) {
	}

	private static final Pattern PLACE = Pattern.compile("street|st|ave|avenue|road|rd|floor|fl|grade|lane|ln|blvd|drive|dr|"
			+ "place|row|century|anniversary|birthday|edition|generation|gen|person|time|round|year|attempt|try|item|one");

	private static final Pattern CODE_CHAIN = Pattern.compile("\\d+(?:[./-]\\d+){2,}");

	private static final Pattern DATE_CHAIN = Pattern.compile("\\d{1,2}([./-])\\d{1,2}\\1(\\d{2}|\\d{4})|\\d{4}([./-])\\d{1,2}\\3\\d{1,2}");

	private static final Pattern STREET = Pattern.compile("street|st|ave|avenue|road|rd|lane|ln|blvd|drive|dr|way|crescent|cres|court|ct");

	/** "14/3 Ocean St", "7 Birch Road": numbers of an address are no dates or hours. */
	private static void markAddresses(List<Token> tokens) {
		for (int i = 0; i < tokens.size(); i++) {
			if (!tokens.get(i).text().matches("\\d+")) {
				continue;
			}
			int j = i + 1;
			if (j + 1 < tokens.size() && tokens.get(j).text().equals("/") && tokens.get(j + 1).text().matches("\\d+")) {
				j += 2;
			}
			for (int k = j + 1; k <= j + 2 && k < tokens.size(); k++) {
				if (STREET.matcher(tokens.get(k).text()).matches() && tokens.get(j).text().matches("[a-z]+")) {
					for (int x = i; x < j; x++) {
						Token t = tokens.get(x);
						tokens.set(x, new Token("#" + t.text(), t.start(), t.end()));
					}
					break;
				}
			}
		}
	}

	/** Digits glued to letters that are no unit or suffix ("12B", "A4") make a name, not a number. */
	private static boolean joinsAsName(String prev, String next) {
		boolean digitsThenLetters = DIGITS.matcher(prev).matches() && LETTERS.matcher(next).matches()
				&& !NAME_SUFFIX_EXCEPT.matcher(next).matches();
		boolean lettersThenDigits = LETTERS.matcher(prev).matches() && DIGITS.matcher(next).matches() && prev.length() <= 2
				&& !NAME_PREFIX_EXCEPT.matcher(prev).matches();
		return digitsThenLetters || lettersThenDigits;
	}

	List<Match> parse(String folded, LocalDateTime now, Locale locale) {
		List<Holidays.Named> holidays = Holidays.names(folded, locale);
		STATE.set(new ParseState(locale, holidays));
		var tokens = new ArrayList<Token>();
		Matcher tm = TOKEN.matcher(folded);
		while (tm.find()) {
			Holidays.Named named = null;
			for (Holidays.Named h : holidays) {
				if (tm.start() >= h.start() && tm.start() < h.end()) {
					named = h;
				}
			}
			if (named != null) {
				// a holiday of the calendar is one token, so rules can shift it ("the day after Labor Day")
				Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
				String text = "#holiday" + holidays.indexOf(named);
				if (last == null || !last.text().equals(text)) {
					tokens.add(new Token(text, named.start(), named.end()));
				}
				continue;
			}
			Token tok = new Token(tm.group(), tm.start(), tm.end());
			if (CODE_CHAIN.matcher(tok.text()).matches()) {
				if (!DATE_CHAIN.matcher(tok.text()).matches()) {
					// a phone number or a case number ("112/06/2026"), not a date
					tokens.add(new Token("#" + tok.text(), tok.start(), tok.end()));
					continue;
				}
				// a date: cut it back into its numbers and separators
				Matcher parts = DATE_PARTS.matcher(tok.text());
				while (parts.find()) {
					tokens.add(new Token(parts.group(), tok.start() + parts.start(), tok.start() + parts.end()));
				}
				continue;
			}
			Token prev = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
			if (prev != null && prev.end() == tok.start() && joinsAsName(prev.text(), tok.text())) {
				tokens.set(tokens.size() - 1, new Token("#" + prev.text() + tok.text(), prev.start(), tok.end()));
				continue;
			}
			if (prev != null && (ORDINAL_DIGITS.matcher(prev.text()).matches() || ORDINAL_WORDS.containsKey(prev.text()))
					&& PLACE.matcher(tok.text()).matches()) {
				// "5th street", "3rd floor": a place, not a day
				tokens.set(tokens.size() - 1, new Token("#" + prev.text(), prev.start(), prev.end()));
			}
			tokens.add(tok);
		}
		markAddresses(tokens);
		if (tokens.isEmpty() || tokens.size() > 400) {
			return List.of();
		}
		var chart = new ArrayList<List<Node>>();
		for (int i = 0; i <= tokens.size(); i++) {
			chart.add(new ArrayList<>());
		}
		var seen = new HashSet<String>();
		// the pre-filter: a time starts from a token some rule's word test accepts; a message with none holds no time
		long[][] answers = new long[tokens.size()][];
		boolean anyWord = false;
		for (int k = 0; k < tokens.size(); k++) {
			answers[k] = wordsOf(tokens.get(k).text());
			anyWord |= answers[k].length > 0;
		}
		if (!anyWord) {
			return List.of();
		}
		boolean changed = true;
		for (int pass = 0; pass < 6 && changed; pass++) {
			changed = false;
			for (int r = 0; r < rules.size(); r++) {
				Rule rule = rules.get(r);
				for (int start = 0; start < tokens.size(); start++) {
					var produced = new ArrayList<Node>();
					if (!firstWordMatches(rule, start, tokens, answers)) {
						continue;
					}
					match(rule, r, 0, start, start, new ArrayList<>(), tokens, chart, produced, answers);
					for (Node n : produced) {
						if (seen.add(n.key()) && chart.get(n.from()).size() < 200) {
							chart.get(n.from()).add(n);
							changed = true;
						}
					}
				}
			}
		}
		// pick the longest non-latent times, left to right, without overlap
		var ref = new Reference(now);
		var out = new ArrayList<Match>();
		int i = 0;
		while (i < tokens.size()) {
			// the longest reading that resolves; on equal spans the rule written first
			var candidates = new ArrayList<Node>();
			for (Node n : chart.get(i)) {
				if (n.value() instanceof Time t && !t.latent()) {
					candidates.add(n);
				}
			}
			candidates.sort(java.util.Comparator.comparingInt((Node n) -> -n.to()).thenComparingInt(Node::rule));
			Node chosen = null;
			Occurrence o = null;
			for (Node n : candidates) {
				Time t = (Time) n.value();
				o = namesAnotherDay(tokens, n) ? resolveNotToday(t.pred(), ref) : resolve(t.pred(), ref);
				if (o != null) {
					chosen = n;
					break;
				}
			}
			if (chosen == null) {
				i++;
				continue;
			}
			out.add(new Match(tokens.get(chosen.from()).start(), tokens.get(chosen.to() - 1).end(), o, ((Time) chosen.value()).direct()));
			i = chosen.to();
		}
		return out;
	}

	private static String describe(Value v) {
		if (v instanceof Num n) {
			return "" + n.value();
		}
		if (v instanceof Ord o) {
			return "" + o.value();
		}
		if (v instanceof UnitV u) {
			return u.unit().name();
		}
		if (v instanceof AmountV a) {
			return a.amount().toString();
		}
		Time t = (Time) v;
		return t.form() + "/" + t.latent() + "/" + t.hour();
	}

	private static final Pattern WEEKDAY_WORD = Pattern.compile("(?:" + String.join("|", WEEKDAYS) + "|"
			+ String.join("|", Languages.WEEKDAYS) + ")\\.?");

	private static final Pattern THIS_DAY = Pattern.compile("this|today|tonight|tonite|tdy|tday|now|" + Languages.THIS_DAY);

	/** A weekday named without "this"/"today" means another day than today ("Monday morning" said on a Monday). */
	private static boolean namesAnotherDay(List<Token> tokens, Node n) {
		boolean weekday = false;
		for (int i = n.from(); i < n.to(); i++) {
			String text = tokens.get(i).text();
			if (THIS_DAY.matcher(text).matches()) {
				return false;
			}
			weekday |= WEEKDAY_WORD.matcher(text).matches();
		}
		return weekday;
	}

	/** The first occurrence that is not today. */
	static @Nullable Occurrence resolveNotToday(TimePredicate p, Reference ref) {
		Occurrence o = resolve(p, ref);
		if (o != null && o.start().toLocalDate().equals(ref.now().toLocalDate())) {
			return resolve(p, new Reference(ref.now().toLocalDate().plusDays(1).atStartOfDay()));
		}
		return o;
	}

	static @Nullable Occurrence resolve(TimePredicate p, Reference ref) {
		for (int days : new int[] { 8, 370, 1830, 14610 }) {
			List<Occurrence> o = p.within(ref, ref.now(), ref.now().plusDays(days));
			for (Occurrence x : o) {
				if (x.end().isAfter(ref.now())) {
					return x;
				}
			}
		}
		return null;
	}

	private boolean test(Word w, int pos, List<Token> tokens, long[][] answers) {
		long[] bits = answers[pos];
		int i = w.id() - firstWord;
		return bits.length > 0 && (bits[i >> 6] & (1L << i)) != 0;
	}

	/** A cheap pre-check: a rule that starts with a word cannot match where that word is not. */
	private boolean firstWordMatches(Rule rule, int start, List<Token> tokens, long[][] answers) {
		Elem first = rule.pattern().get(0);
		return !(first instanceof Word w) || test(w, start, tokens, answers);
	}

	private void match(Rule rule, int ruleIndex, int elem, int start, int pos, List<Object> got, List<Token> tokens,
			List<List<Node>> chart, List<Node> out, long[][] answers) {
		if (elem == rule.pattern().size()) {
			if (pos > start) {
				try {
					Value v = rule.produce().apply(got);
					if (v != null) {
						var key = new StringBuilder().append(ruleIndex).append(':').append(start).append(':').append(pos);
						for (Object o : got) {
							key.append(':').append(o instanceof String str ? str : Integer.toString(System.identityHashCode(o)));
						}
						out.add(new Node(start, pos, v, ruleIndex, key.toString()));
					}
				}
				catch (RuntimeException ex) {
					// a rule that cannot combine these values produces nothing
				}
			}
			return;
		}
		Elem e = rule.pattern().get(elem);
		if (e instanceof Opt o) {
			if (pos < tokens.size() && test(o.word(), pos, tokens, answers)) {
				got.add(tokens.get(pos).text());
				match(rule, ruleIndex, elem + 1, start, pos + 1, got, tokens, chart, out, answers);
				got.remove(got.size() - 1);
			}
			match(rule, ruleIndex, elem + 1, start, pos, got, tokens, chart, out, answers);
			return;
		}
		if (pos >= tokens.size() && !(e instanceof Peek)) {
			return;
		}
		if (e instanceof Word wd) {
			if (test(wd, pos, tokens, answers)) {
				got.add(tokens.get(pos).text());
				match(rule, ruleIndex, elem + 1, start, pos + 1, got, tokens, chart, out, answers);
				got.remove(got.size() - 1);
			}
			return;
		}
		if (e instanceof Peek pk) {
			if (pos >= tokens.size() || test(pk.word(), pos, tokens, answers)) {
				match(rule, ruleIndex, elem + 1, start, pos, got, tokens, chart, out, answers);
			}
			return;
		}
		Cat c = (Cat) e;
		// the chart is not changed while a rule matches (new nodes are added after), so no copy is needed
		List<Node> here = chart.get(pos);
		for (int k = 0; k < here.size(); k++) {
			Node n = here.get(k);
			if (c.test().test(n.value())) {
				got.add(n.value());
				match(rule, ruleIndex, elem + 1, start, n.to(), got, tokens, chart, out, answers);
				got.remove(got.size() - 1);
			}
		}
	}
}

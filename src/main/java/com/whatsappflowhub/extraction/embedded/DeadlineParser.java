package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.BusinessConventions;
import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.Deadline.Grain;
import com.whatsappflowhub.extraction.Span;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds date and time expressions in a message (English, Spanish, Portuguese, Indonesian, Hinglish) and
 * resolves them forward from the moment the message was sent, in the tenant's zone, following the tenant's
 * business conventions (end of day, morning, tonight...).
 *
 * <p>The rules work on the accent-folded lower-case text, so character offsets of the evidence stay those of
 * the original message.
 */
public final class DeadlineParser {

	/**
	 * One expression found in the text, resolved. {@code now} marks "right now", "immediately", "ASAP": the
	 * moment of sending, an urgency rather than a deadline (task deadlines ignore it). {@code plain} marks a
	 * plain "now", "at the moment", "currently": the moment of sending as a date expression, but neither an
	 * urgency nor a deadline ("leaving the job now"); {@link #forTasks} leaves those out.
	 */
	public record Found(Span span, Deadline deadline, boolean now, boolean plain) {
		public Found(Span span, Deadline deadline) {
			this(span, deadline, isNow(deadline), false);
		}
	}

	/** The expressions that matter for tasks and features: all but the plain "now". */
	public static List<Found> forTasks(List<Found> found) {
		return found.stream().filter(f -> !f.plain()).toList();
	}

	private static final Pattern URGENT_NOW = Pattern.compile("(?:right|rite|rigth|rght|riht|immediately|rn)(?![\\p{L}])");

	private enum Kind {
		DAY, WEEKDAY, DATE, PERIOD, TIME, PART, RELATIVE, NOW, ZONE
	}

	private record Part(Kind kind, int start, int end, Resolver resolver) {
	}

	/** Resolves a component against the reference moment; fields are filled in a {@link Draft}. */
	private interface Resolver {
		void apply(Draft draft, Context ctx);
	}

	private record Context(ZonedDateTime ref, Locale locale, BusinessConventions conventions) {
		LocalDate today() {
			return ref.toLocalDate();
		}
	}

	private static final class Draft {
		@Nullable LocalDate date;
		@Nullable LocalTime time;
		Grain timeGrain = Grain.HOUR;
		@Nullable LocalTime partFrom;
		@Nullable LocalTime partTo;
		boolean partPm;
		boolean timeHasMeridiem;
		@Nullable Deadline direct;
		boolean nextWeek;
		@Nullable DayOfWeek weekday;
		int weekdayShift;
		boolean weekdayThisWeek;
		boolean now;
		java.time.@Nullable ZoneOffset offset;
	}

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("january", 1), Map.entry("jan", 1),
			Map.entry("february", 2), Map.entry("feb", 2), Map.entry("march", 3), Map.entry("mar", 3),
			Map.entry("april", 4), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("june", 6),
			Map.entry("jun", 6), Map.entry("july", 7), Map.entry("jul", 7), Map.entry("august", 8),
			Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
			Map.entry("october", 10), Map.entry("oct", 10), Map.entry("november", 11), Map.entry("nov", 11),
			Map.entry("december", 12), Map.entry("dec", 12), Map.entry("enero", 1), Map.entry("febrero", 2),
			Map.entry("marzo", 3), Map.entry("abril", 4), Map.entry("mayo", 5), Map.entry("junio", 6),
			Map.entry("julio", 7), Map.entry("agosto", 8), Map.entry("septiembre", 9), Map.entry("setiembre", 9),
			Map.entry("octubre", 10), Map.entry("noviembre", 11), Map.entry("diciembre", 12),
			Map.entry("janeiro", 1), Map.entry("fevereiro", 2), Map.entry("marco", 3), Map.entry("maio", 5),
			Map.entry("junho", 6), Map.entry("julho", 7), Map.entry("setembro", 9), Map.entry("outubro", 10),
			Map.entry("novembro", 11), Map.entry("dezembro", 12), Map.entry("januari", 1),
			Map.entry("februari", 2), Map.entry("maret", 3), Map.entry("mei", 5), Map.entry("juni", 6),
			Map.entry("juli", 7), Map.entry("agustus", 8), Map.entry("oktober", 10), Map.entry("desember", 12));

	private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november"
			+ "|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio"
			+ "|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|marco|maio|junho|julho"
			+ "|setembro|outubro|novembro|dezembro|januari|februari|maret|mei|juni|juli|agustus|oktober|desember)\\.?";

	private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(Map.entry("monday", DayOfWeek.MONDAY),
			Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
			Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
			Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
			Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
			Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
			Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
			Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
			Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY),
			Map.entry("lunes", DayOfWeek.MONDAY), Map.entry("martes", DayOfWeek.TUESDAY),
			Map.entry("miercoles", DayOfWeek.WEDNESDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
			Map.entry("viernes", DayOfWeek.FRIDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
			Map.entry("domingo", DayOfWeek.SUNDAY), Map.entry("segunda", DayOfWeek.MONDAY),
			Map.entry("terca", DayOfWeek.TUESDAY), Map.entry("quarta", DayOfWeek.WEDNESDAY),
			Map.entry("quinta", DayOfWeek.THURSDAY), Map.entry("sexta", DayOfWeek.FRIDAY),
			Map.entry("senin", DayOfWeek.MONDAY), Map.entry("selasa", DayOfWeek.TUESDAY),
			Map.entry("rabu", DayOfWeek.WEDNESDAY), Map.entry("kamis", DayOfWeek.THURSDAY),
			Map.entry("jumat", DayOfWeek.FRIDAY), Map.entry("sabtu", DayOfWeek.SATURDAY),
			Map.entry("minggu", DayOfWeek.SUNDAY), Map.entry("somvar", DayOfWeek.MONDAY),
			Map.entry("mangalvar", DayOfWeek.TUESDAY), Map.entry("budhvar", DayOfWeek.WEDNESDAY),
			Map.entry("guruvar", DayOfWeek.THURSDAY), Map.entry("shukravar", DayOfWeek.FRIDAY),
			Map.entry("shanivar", DayOfWeek.SATURDAY), Map.entry("ravivar", DayOfWeek.SUNDAY));

	private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur"
			+ "|mon|tue|wed|thu|fri|sat|sun|lunes|martes|miercoles|jueves|viernes|sabado|domingo"
			// Portuguese weekdays that are also ordinals ("a segunda vez"): after a preposition, or before "-feira" or a time
			+ "|(?<=(?:na|nas|as|pra|para|ate|de|nesta|essa|esta|proxima|toda|dessa|desta) )(?:segunda|terca|quarta|quinta|sexta)"
			+ "|(?:segunda|terca|quarta|quinta|sexta)(?=-feira| feira| \\d| de manha| a tarde| a noite| que vem|[,.!?]|$)"
			+ "|senin|selasa|rabu|kamis|jumat|sabtu|minggu(?! depan| ini| lalu)|somvar|mangalvar|budhvar"
			+ "|guruvar|shukravar|shanivar|ravivar)";

	private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
			Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
			Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
			Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
			Map.entry("a couple", 2), Map.entry("a couple of", 2), Map.entry("couple of", 2), Map.entry("a few", 3),
			Map.entry("few", 3), Map.entry("several", 3));

	private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
			Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
			Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
			Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
			Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("twentieth", 20),
			Map.entry("thirtieth", 30));

	private static final String ORDINAL_WORD = "(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
			+ "|eleventh|twelfth|thirteenth|fourteenth|fifteenth|twentieth|thirtieth)";

	/**
	 * A pattern rule; {@code first} holds the ASCII characters a match can begin with (found once by probing the
	 * pattern), so the scan tries the pattern only where the text has one of them, or a non-ASCII character.
	 */
	private record Rule(Kind kind, Pattern pattern, RuleResolver resolver, boolean[] first) {
	}

	/**
	 * The ASCII characters a match of the pattern can start with: the pattern is tried on the one character after
	 * a space (its look-behind sees the space); it can start there when it matches or reads past the character
	 * (Matcher.hitEnd). A positive look-behind could need other text before the match, so such a pattern may start
	 * anywhere.
	 */
	private static boolean[] firstCharacters(Pattern pattern) {
		var first = new boolean[128];
		boolean anywhere = pattern.pattern().contains("(?<=");
		for (char c = 0; c < 128; c++) {
			Matcher m = pattern.matcher(" " + c).region(1, 2).useTransparentBounds(true).useAnchoringBounds(false);
			first[c] = anywhere || m.lookingAt() || m.hitEnd();
		}
		return first;
	}

	/** Every match of the rule in the text, as {@code Matcher.find} would give them, trying only where one can start. */
	private static void scan(Rule rule, String folded, List<Part> parts) {
		Matcher m = rule.pattern().matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
		int n = folded.length();
		int i = 0;
		while (i < n) {
			char c = folded.charAt(i);
			if (c < 128 && !rule.first()[c]) {
				i++;
				continue;
			}
			m.region(i, n);
			if (m.lookingAt()) {
				java.util.regex.MatchResult snapshot = m.toMatchResult();
				parts.add(new Part(rule.kind(), m.start(), m.end(), (d, ctx) -> rule.resolver().apply(snapshot, d, ctx)));
				i = m.end() > i ? m.end() : i + 1;
			}
			else {
				i++;
			}
		}
	}

	private interface RuleResolver {
		void apply(java.util.regex.MatchResult m, Draft d, Context c);
	}

	private final List<Rule> rules = new ArrayList<>();

	private final BusinessConventions conventions;

	private final TimeGrammar grammar;

	public DeadlineParser(BusinessConventions conventions) {
		this.conventions = conventions;
		this.grammar = new TimeGrammar(conventions);
		defineRules();
	}

	private void rule(Kind kind, String regex, RuleResolver resolver) {
		Pattern pattern = Pattern.compile("(?<![\\p{L}\\d])(?:" + regex + ")(?![\\p{L}\\d])");
		rules.add(new Rule(kind, pattern, resolver, firstCharacters(pattern)));
	}

	private void defineRules() {
		// now / ASAP: urgency, never a deadline; they still block a later expression from being read as one
		rule(Kind.NOW, "asap|right now|right away|go now|sekarang|ahorita|agora mesmo|abhi", (m, d, c) -> d.now = true);

		// relative days
		rule(Kind.DAY, "(?:the )?day after tomorrow|pasado manana|depois de amanha|lusa|parso",
				(m, d, c) -> d.date = c.today().plusDays(2));
		rule(Kind.DAY, "today or tomorrow|hoy o manana|hoje ou amanha|hari ini atau besok",
				(m, d, c) -> d.direct = Deadline.between(atStart(c, c.today()), atStart(c, c.today().plusDays(2)),
						null));
		rule(Kind.DAY, "today|tdy|tday|hoy|hoje|hari ini|aaj|at this time|this day", (m, d, c) -> d.date = c.today());
		rule(Kind.DAY, "tomorrow|tomorow|tmrw|tmrrw|tmr|tmw|2moro|2morrow|(?<!la |esta )manana|amanha|besok|kal",
				(m, d, c) -> d.date = c.today().plusDays(1));
		rule(Kind.DAY, "tonight|tonite|nanti malam|aaj raat|esta noche|hoje a noite|hoy en la noche",
				(m, d, c) -> {
					d.date = c.today();
					d.partFrom = c.conventions().eveningStart();
					d.partTo = c.conventions().eveningEnd();
					d.partPm = true;
				});
		rule(Kind.DAY, "late (?:tonight|tonite)", (m, d, c) -> {
			d.date = c.today();
			d.partFrom = LocalTime.of(21, 0);
			d.partTo = LocalTime.MAX;
			d.partPm = true;
		});

		// weekdays: "friday", "next friday", "friday after next", "saturday next week", "wednesday of this week"
		rule(Kind.WEEKDAY, "(?:(next|this|coming|this coming|following)\\s+)?" + WEEKDAY
				+ "(?:-feira)?(?:\\.)?(?:\\s+(after next|next week|of next week|of this week|this week|depan|ini))?",
				(m, d, c) -> {
					d.weekday = WEEKDAYS.get(m.group(2));
					String prefix = m.group(1);
					String suffix = m.group(3);
					if ("next".equals(prefix) || "following".equals(prefix) || "next week".equals(suffix)
							|| "of next week".equals(suffix) || "depan".equals(suffix)) {
						d.nextWeek = true;
					}
					if ("of this week".equals(suffix) || "this week".equals(suffix) || "ini".equals(suffix)) {
						d.weekdayThisWeek = true;
					}
					if ("after next".equals(suffix)) {
						d.weekdayShift = 1;
					}
				});
		rule(Kind.WEEKDAY, "(two|2) " + WEEKDAY + "s from now", (m, d, c) -> {
			d.weekday = WEEKDAYS.get(m.group(2));
			d.weekdayShift = 1;
		});

		// explicit dates
		rule(Kind.DATE, MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\s*[:h]\\d)(?!\\s*(?:am|pm))",
				(m, d, c) -> d.date = monthDay(c, m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
		rule(Kind.DATE, MONTH + "\\s+" + ORDINAL_WORD + "(?:,?\\s+(\\d{4}))?",
				(m, d, c) -> d.date = monthDay(c, m.group(1), ORDINALS.get(m.group(2)), m.group(3)));
		rule(Kind.DATE, "(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+)?(?:of\\s+|de\\s+)?" + MONTH
				+ "(?:,?\\s+(?:de\\s+)?(\\d{4}))?",
				(m, d, c) -> d.date = monthDay(c, m.group(2), Integer.parseInt(m.group(1)), m.group(3)));
		rule(Kind.DATE, "(?:the\\s+)?" + ORDINAL_WORD + "\\s+(?:day\\s+)?of\\s+" + MONTH + "(?:,?\\s+(\\d{4}))?",
				(m, d, c) -> d.date = monthDay(c, m.group(2), ORDINALS.get(m.group(1)), m.group(3)));
		rule(Kind.DATE, WEEKDAY + ",?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)(?!\\s+(?:of\\s+)?" + MONTH + ")",
				(m, d, c) -> d.date = weekdayAndDay(c, WEEKDAYS.get(m.group(1)), Integer.parseInt(m.group(2))));
		rule(Kind.DATE, "(\\d{4})-(\\d{1,2})-(\\d{1,2})", (m, d, c) -> d.date = safeDate(Integer.parseInt(m.group(1)),
				Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
		rule(Kind.DATE, "(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{2,4}))?(?![\\d/])(?!\\s*(?:am|pm|kg|%))(?!\\s+\\p{L}+\\s+(?:st|street|ave|avenue|road|rd|lane|ln|blvd|dr|drive)(?![\\p{L}]))",
				(m, d, c) -> d.date = numericDate(c, m.group(1), m.group(2), m.group(3)));
		rule(Kind.DATE, "(?:on |by |before |until |el |dia |the )(?:the )?(\\d{1,2})(?:st|nd|rd|th)(?! of| " + MONTH
				+ ")(?!\\s+(?:street|st|ave|avenue|floor|fl|road|rd|lane|grade|birthday|anniversary|time|place|row))"
				+ "|(?<=\\s|^)the (\\d{1,2})(?:st|nd|rd|th)(?!\\s+(?:street|st|ave|avenue|floor|fl|road|rd|lane|grade|birthday|anniversary|time|place|row|century|of\\b))"
				+ "|dia (\\d{1,2})(?! de)", (m, d, c) -> {
					String g = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(4);
					d.date = nextDayOfMonth(c, Integer.parseInt(g));
				});
		rule(Kind.DATE, "(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+)?of\\s+(?:the\\s+)?next month",
				(m, d, c) -> d.date = safeDate(c.today().plusMonths(1).getYear(),
						c.today().plusMonths(1).getMonthValue(), Integer.parseInt(m.group(1))));
		rule(Kind.DATE, "(?:the\\s+)?last day (?:of|in) " + MONTH + "(?:,?\\s+(\\d{4}))?", (m, d, c) -> {
			LocalDate first = monthDay(c, m.group(1), 1, m.group(2));
			d.date = first == null ? null : first.with(TemporalAdjusters.lastDayOfMonth());
		});

		// periods
		rule(Kind.PERIOD, "next week|(?:la )?semana que vem|(?:la )?semana que viene|(?:la )?proxima semana"
				+ "|minggu depan|agle hafte|following week", (m, d, c) -> {
					LocalDate monday = c.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
					d.direct = Deadline.between(atStart(c, monday), atStart(c, monday.plusWeeks(1)), null);
				});
		rule(Kind.PERIOD, "(?:by |before )?(?:the )?(?:end of (?:the |this )?week|end of week|eow|this week|esta semana"
				+ "|essa semana|esta semana|minggu ini|is hafte|before the weekend|fin de semana laboral)",
				(m, d, c) -> d.date = endOfWeek(c));
		rule(Kind.PERIOD, "(?:this |the )?weekend|(?:este |el )?fin de semana|(?:este |no )?fim de semana|akhir pekan",
				(m, d, c) -> {
					LocalDate sat = c.today().getDayOfWeek() == DayOfWeek.SUNDAY ? c.today().minusDays(1)
							: c.today().with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
					d.direct = Deadline.between(atStart(c, sat), atStart(c, sat.plusDays(2)), null);
				});
		rule(Kind.PERIOD, "(?:by |before )?(?:the )?(?:end of (?:the |this )?month|end of month|eom|fin de mes"
				+ "|fim do mes|akhir bulan|month end)", (m, d, c) -> d.date = c.today()
						.with(TemporalAdjusters.lastDayOfMonth()));
		rule(Kind.PERIOD, "(?:by |before )?(?:the )?(?:end of (?:the |this )?year|end of year|eoy)",
				(m, d, c) -> d.date = c.today().withMonth(12).withDayOfMonth(31));
		rule(Kind.PERIOD, "(?:at the )?end of " + MONTH, (m, d, c) -> {
			LocalDate first = monthDay(c, m.group(1), 1, null);
			if (first != null) {
				d.direct = Deadline.between(atStart(c, first.withDayOfMonth(21)), atStart(c, first.plusMonths(1)),
						null);
			}
		});
		rule(Kind.PERIOD, "next month|(?:el )?mes que viene|(?:o )?mes que vem|(?:el )?proximo mes|bulan depan",
				(m, d, c) -> {
					LocalDate first = c.today().withDayOfMonth(1).plusMonths(1);
					d.direct = Deadline.between(atStart(c, first), atStart(c, first.plusMonths(1)), null);
				});
		rule(Kind.PERIOD, "next (?:year|yr)|(?:el )?ano que viene|(?:o )?ano que vem|tahun depan", (m, d, c) -> {
			LocalDate first = LocalDate.of(c.today().getYear() + 1, 1, 1);
			d.direct = Deadline.between(atStart(c, first), atStart(c, first.plusYears(1)), null);
		});
		rule(Kind.PERIOD, "(?:in |for |by |during |en |em |para )" + MONTH + "(?:\\s+(\\d{4}))?(?!\\s*\\d)|" + MONTH
				+ "\\s+(\\d{4})|(\\d{4})[-/](\\d{1,2})(?![-/\\d])", (m, d, c) -> {
					LocalDate first;
					if (m.group(1) != null) {
						first = monthDay(c, m.group(1), 1, m.group(2));
					}
					else if (m.group(3) != null) {
						first = monthDay(c, m.group(3), 1, m.group(4));
					}
					else {
						first = safeDate(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), 1);
					}
					if (first != null) {
						d.direct = Deadline.between(atStart(c, first), atStart(c, first.plusMonths(1)), null);
					}
				});
		rule(Kind.PERIOD, "(?:in )(\\d{4})(?: a\\.?d\\.?)?", (m, d, c) -> {
			LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
			d.direct = Deadline.between(atStart(c, first), atStart(c, first.plusYears(1)), null);
		});

		// parts of the day
		rule(Kind.PART, "first thing(?: in the morning)?|a primera hora|logo cedo|pagi-pagi",
				(m, d, c) -> part(d, c.conventions().morningStart(), c.conventions().morningEnd(), false));
		rule(Kind.PART, "(?:this |the |in the )morning|(?<!good |selamat |bom dia |buenos |^)morning(?![!,]? (?:all|team|everyone|guys|sir|maam))|(?:por |de )?la manana|esta manana|(?:de |pela |na )manha|(?<!selamat |^)pagi(?! pak| bu| kak| semua)|subah|(?:am)(?= ?[.,!?]|$)",
				(m, d, c) -> part(d, c.conventions().morningStart(), c.conventions().morningEnd(), false));
		rule(Kind.PART, "(?:this |the |in the )?afternoon(?:ish)?|after lunch|por la tarde|esta tarde|a tarde|de tarde|pela tarde"
				+ "|siang|sore|dopahar|(?:pm)(?= ?[.,!?]|$)",
				(m, d, c) -> part(d, c.conventions().afternoonStart(), c.conventions().afternoonEnd(), true));
		rule(Kind.PART, "(?:this |the |in the )?evening|(?:(?<=day |mon |tue |wed |thu |fri |sat |sun )|this |the |at |in the )night"
				+ "|por la noche|(?:a |de )noite|turno de la noche|malam|shaam|raat",
				(m, d, c) -> part(d, c.conventions().eveningStart(), c.conventions().eveningEnd(), true));
		rule(Kind.PART, "at lunch|lunchtime|lunch time|(?:a la |na )hora do almoco|(?:a la )?hora de la comida",
				(m, d, c) -> part(d, c.conventions().lunchStart(), c.conventions().lunchEnd(), true));
		rule(Kind.TIME, "before lunch(?: service)?|by lunch", (m, d, c) -> {
			d.time = c.conventions().lunchStart();
			d.timeGrain = Grain.HOUR;
			d.timeHasMeridiem = true;
		});
		rule(Kind.TIME, "eod|e\\.o\\.d\\.?|end of (?:the )?(?:day|business)|cob|close of business|end of play|eop"
				+ "|fin del dia|final do dia", (m, d, c) -> {
					d.time = c.conventions().endOfDay();
					d.timeGrain = Grain.HOUR;
					d.timeHasMeridiem = true;
				});

		// clock times
		rule(Kind.TIME, "(?:at |@ ?|by |before |until |till |til |around |about |from |for |a las |a la |as |às |jam |pukul |umas |las )?"
				+ "(\\d{1,2})[:.](\\d{2})\\s*(a\\.?m\\.?|p\\.?\\s?m\\.?|a|p)?(?:\\s*(?:hrs|hs|h))?(?![\\d%])",
				(m, d, c) -> clock(d, m.group(1), m.group(2), m.group(3)));
		rule(Kind.TIME, "(?:at |@ ?|by |before |until |till |around |about |from |for )?(\\d{1,2})\\s*(?:ish\\s*)?(a\\.?m\\.?|p\\.?\\s?m\\.?)(?:\\s*(?:ish|approximately))?",
				(m, d, c) -> clock(d, m.group(1), null, m.group(2)));
		rule(Kind.TIME, "(?:at |@ ?|by |before |until |till |around |about |from |to )(\\d{1,2})(a|p)\\.?",
				(m, d, c) -> clock(d, m.group(1), null, m.group(2)));
		rule(Kind.TIME, "(?:at |@ ?|by |before |until |as |às |a las |umas |chega |las |ate |as |desde |de )?(\\d{1,2})\\s?h(?:rs?)?(\\d{2})?(?:\\s*min)?",
				(m, d, c) -> clock24(d, m.group(1), m.group(2)));
		rule(Kind.TIME, "(?:at |@ ?|by |before |until |till |around |about )?(\\d{3,4})\\s*(a\\.?m\\.?|p\\.?\\s?m\\.?)", (m, d, c) -> {
			String digits = m.group(1);
			clock(d, digits.substring(0, digits.length() - 2), digits.substring(digits.length() - 2), m.group(2));
		});
		rule(Kind.TIME, "(?:at|@|by|before|until|till|around|about|a las|alas|jam|pukul|umas|by around) (\\d{1,2})(?:\\s*(?:ish|o'?clock|oclock))?(?![/,.:]\\d)(?=\\s*(?:$|[^\\p{L}\\d\\s]|(?:ish|o'?clock|oclock|gmt|utc|bst|cet|est|edt|cst|cdt|pst|pdt|ist|sharp|tomorrow|today|tonight|tmrw|on|this|next|instead|and|or|baje|tak|then|latest|pls|please|if|so|for|to|with|at|in|the|ya|ok|yeah|thanks|thx|cheers|if)(?![\\p{L}])))",
				(m, d, c) -> clock(d, m.group(1), null, null));
		rule(Kind.TIME, "(\\d{1,2}) (?:o'?clock|oclock|baje)(?: in the (morning|afternoon|evening))?",
				(m, d, c) -> clock(d, m.group(1), null, m.group(2) == null ? null
						: m.group(2).equals("morning") ? "am" : "pm"));
		rule(Kind.TIME, "(?:at )?(?:noon|midday|mid day|the midday|12 noon|mediodia|meio-dia|meio dia|dopahar 12)",
				(m, d, c) -> {
					d.time = LocalTime.NOON;
					d.timeGrain = Grain.HOUR;
					d.timeHasMeridiem = true;
				});
		rule(Kind.TIME, "(?:at )?half (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})(?! (?:an|a|of|the|hour|past|day|dozen|price|term|time|way))",
				(m, d, c) -> {
					String h = m.group(1);
					int hour = h.chars().allMatch(Character::isDigit) ? Integer.parseInt(h) : NUMBER_WORDS.get(h);
					clock(d, String.valueOf(hour), "30", null);
				});
		rule(Kind.TIME, "at (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: (o'?clock|fifteen|thirty|forty-five|twenty|ten|forty))?(?: (am|pm))?(?![\\p{L}])",
				(m, d, c) -> {
					int hour = NUMBER_WORDS.get(m.group(1));
					String minutes = m.group(2) == null || m.group(2).contains("clock") ? "00"
							: switch (m.group(2)) {
								case "fifteen" -> "15";
								case "thirty" -> "30";
								case "forty-five" -> "45";
								case "twenty" -> "20";
								case "ten" -> "10";
								default -> "40";
							};
					clock(d, String.valueOf(hour), minutes, m.group(3));
				});
		rule(Kind.TIME, "(?:at )?midnight|medianoche|meia-noite", (m, d, c) -> {
			d.time = LocalTime.MIDNIGHT;
			d.timeGrain = Grain.HOUR;
			d.timeHasMeridiem = true;
			d.date = (d.date == null ? c.today() : d.date).plusDays(1);
		});
		rule(Kind.TIME, "(?:at |for )?(?:a )?(half past|quarter past|quarter to|(\\d{1,2}|twenty|ten|five) (?:minutes )?(?:past|after|to))\\s+(\\d{1,2}|noon|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s*(am|pm)?",
				(m, d, c) -> {
					String h = m.group(3);
					int hour = h.equals("noon") ? 12 : h.chars().allMatch(Character::isDigit) ? Integer.parseInt(h) : NUMBER_WORDS.get(h);
					String rel = m.group(1);
					int minutes;
					boolean to = rel.endsWith(" to");
					if (rel.startsWith("half")) {
						minutes = 30;
					}
					else if (rel.startsWith("quarter")) {
						minutes = 15;
					}
					else {
						String n = m.group(2);
						minutes = n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : NUMBER_WORDS.get(n);
					}
					if (to) {
						hour = hour - 1;
						minutes = 60 - minutes;
					}
					clock(d, String.valueOf(hour), String.format(Locale.ROOT, "%02d", minutes),
							m.group(3).equals("noon") ? "am" : m.group(4));
				});

		// relative offsets
		rule(Kind.RELATIVE, "(?:in|dalam|en|em|daqui a) (\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|a couple(?: of)?|a few|few|half an?|1/2|3/4|three-quarters of an)\\s*(seconds?|secs?|\"|minutes?|mins?|'|hours?|hrs?|h|days?|weeks?|months?|years?|menit|jam|hari|minggu|minutos?|horas?|dias?|semanas?|mes(?:es)?)"
				+ "|(\\d+|a|an|one|two|three|seven)\\s+(seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?) (?:from now|from today|hence|later)"
				+ "|(?<=omw,? |on my way,? |otw,? )(\\d+)\\s*(min|mins|minutes)",
				(m, d, c) -> relative(d, c, m));
		rule(Kind.RELATIVE, "in (\\d{1,2})(?!\\s*\\p{L})", (m, d, c) -> {
			d.direct = Deadline.at(c.ref().plusMinutes(Integer.parseInt(m.group(1))), Grain.MINUTE, null);
		});
		// quarters, nth weekday of a month, ranges, time zones, "next/upcoming N units", "within N"
		rule(Kind.PERIOD, "(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) (?:quarter|qtr)(?:,? (?:of )?(\\d{4}))?|q([1-4])(?: (\\d{4}))?",
				(m, d, c) -> {
					String q = m.group(1) != null ? m.group(1) : m.group(3);
					int quarter = switch (q) {
						case "first", "1st", "1" -> 1;
						case "second", "2nd", "2" -> 2;
						case "third", "3rd", "3" -> 3;
						default -> 4;
					};
					String y = m.group(2) != null ? m.group(2) : m.group(4);
					int year = y != null ? Integer.parseInt(y) : c.today().getYear();
					LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
					if (y == null && start.plusMonths(3).isBefore(c.today())) {
						start = start.plusYears(1);
					}
					d.direct = Deadline.at(atStart(c, start), Grain.QUARTER, null);
				});
		rule(Kind.DATE, "(?:the )?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th) " + WEEKDAY + " (?:of|in) " + MONTH
				+ "(?:,? (\\d{4}))?", (m, d, c) -> {
					LocalDate first = monthDay(c, m.group(3), 1, m.group(4));
					if (first == null) {
						return;
					}
					DayOfWeek dow = WEEKDAYS.get(m.group(2));
					String n = m.group(1);
					if (n.equals("last")) {
						d.date = first.with(TemporalAdjusters.lastInMonth(dow));
					}
					else {
						int k = switch (n) {
							case "first", "1st" -> 1;
							case "second", "2nd" -> 2;
							case "third", "3rd" -> 3;
							case "fourth", "4th" -> 4;
							default -> 5;
						};
						d.date = first.with(TemporalAdjusters.dayOfWeekInMonth(k, dow));
					}
				});
		rule(Kind.DATE, "(?:from )?(?:the )?(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:to|-|till|until|through|thru)\\s*(?:the )?(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTH
				+ "(?:,? (\\d{4}))?", (m, d, c) -> d.date = monthDay(c, m.group(3), Integer.parseInt(m.group(1)), m.group(4)));
		rule(Kind.TIME, "(?:from |between |around )?(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(?:am|pm|a|p)?\\s*(?:-|to|until|till)\\s*(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|a|p)(?![\\p{L}])",
				(m, d, c) -> {
					int from = Integer.parseInt(m.group(1));
					int to = Integer.parseInt(m.group(3));
					String meridiem = m.group(5);
					// "11-1pm": the start is in the morning
					if (meridiem.startsWith("p") && from > to && from < 12) {
						meridiem = "am";
					}
					clock(d, m.group(1), m.group(2), meridiem);
				});
		rule(Kind.TIME, "(?:from |between )?(\\d{1,2})[:h](\\d{2})\\s*(?:-|to|until|till)\\s*(\\d{1,2})(?:[:h](\\d{2})|h)(?![\\d%])",
				(m, d, c) -> clock(d, m.group(1), m.group(2), null));
		rule(Kind.PART, "early (?:in the )?morning|(?:in )?the early hours(?: of the morning)?|madrugada|dini hari",
				(m, d, c) -> part(d, LocalTime.of(6, 0), c.conventions().morningStart(), false));
		rule(Kind.PERIOD, "(this|current|next|last) seasons?", (m, d, c) -> {
			LocalDate today = c.today();
			LocalDate[] starts = { LocalDate.of(today.getYear() - 1, 12, 21), LocalDate.of(today.getYear(), 3, 20),
					LocalDate.of(today.getYear(), 6, 21), LocalDate.of(today.getYear(), 9, 23),
					LocalDate.of(today.getYear(), 12, 21), LocalDate.of(today.getYear() + 1, 3, 20),
					LocalDate.of(today.getYear() + 1, 6, 21) };
			int k = 0;
			while (k + 1 < starts.length && !starts[k + 1].isAfter(today)) {
				k++;
			}
			if (m.group(1).equals("next")) {
				k++;
			}
			d.direct = Deadline.between(atStart(c, starts[k]), atStart(c, starts[k + 1]), null);
		});
		rule(Kind.PART, "after school", (m, d, c) -> part(d, LocalTime.of(15, 0), LocalTime.of(18, 0), true));
		rule(Kind.ZONE, "\\(?(gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|sast|wat|eat|aest|aedt|jst|sgt|wib)\\)?",
				(m, d, c) -> d.offset = java.time.ZoneOffset.ofTotalSeconds(ZONES.get(m.group(1))));
		rule(Kind.PERIOD, "(?:at )?(?:the )?end of (?:the )?(?:next|following|coming|around next) week", (m, d, c) -> {
			LocalDate monday = c.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
			d.direct = Deadline.between(atStart(c, monday.plusDays(4)), atStart(c, monday.plusDays(7)), null);
		});
		rule(Kind.PERIOD, "(?:at )?(?:the )?beginning of (\\d{4})", (m, d, c) -> {
			LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
			d.direct = Deadline.between(atStart(c, first), atStart(c, first.plusMonths(3)), null);
		});
		rule(Kind.PERIOD, "mid(?:-| )?" + MONTH, (m, d, c) -> {
			LocalDate first = monthDay(c, m.group(1), 1, null);
			if (first != null) {
				d.direct = Deadline.between(atStart(c, first.withDayOfMonth(11)), atStart(c, first.withDayOfMonth(21)), null);
			}
		});
		rule(Kind.PERIOD, "within (\\d+|a|an|one|two|three|four|five|six|seven|ten) (days?|weeks?|months?|hours?)", (m, d, c) -> {
			int n = amount(m.group(1));
			String u = m.group(2);
			ZonedDateTime end = u.startsWith("d") ? atStart(c, c.today().plusDays(n))
					: u.startsWith("w") ? atStart(c, c.today().plusWeeks(n))
					: u.startsWith("m") ? atStart(c, c.today().plusMonths(n)) : c.ref().plusHours(n);
			d.direct = Deadline.between(c.ref(), end, null);
		});
		rule(Kind.PERIOD, "next (\\d+|two|three|four|five|six|seven|eight|nine|ten|few|couple of) (seconds?|minutes?|hours?|days?|weeks?|months?|years?)",
				(m, d, c) -> {
					int n = amount(m.group(1));
					String u = m.group(2);
					ZonedDateTime from;
					ZonedDateTime to;
					if (u.startsWith("s")) {
						from = c.ref().plusSeconds(1);
						to = from.plusSeconds(n);
					}
					else if (u.startsWith("mi")) {
						from = c.ref().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusMinutes(1);
						to = from.plusMinutes(n);
					}
					else if (u.startsWith("h")) {
						from = c.ref().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusHours(1);
						to = from.plusHours(n);
					}
					else if (u.startsWith("d")) {
						from = atStart(c, c.today().plusDays(1));
						to = from.plusDays(n);
					}
					else if (u.startsWith("w")) {
						from = atStart(c, c.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
						to = from.plusWeeks(n);
					}
					else if (u.startsWith("mo")) {
						from = atStart(c, c.today().withDayOfMonth(1).plusMonths(1));
						to = from.plusMonths(n);
					}
					else {
						from = atStart(c, LocalDate.of(c.today().getYear() + 1, 1, 1));
						to = from.plusYears(n);
					}
					d.direct = Deadline.between(from, to, null);
				});
		rule(Kind.PERIOD, "(?:upcoming (\\d+|two|three|four|five|six|seven|eight|nine|ten)|(\\d+|two|three|four|five|six|seven|eight|nine|ten) upcoming) (days?|weeks?|months?|quarters?|years?)",
				(m, d, c) -> {
					int n = amount(m.group(1) != null ? m.group(1) : m.group(2));
					String u = m.group(3);
					LocalDate t = c.today();
					if (u.startsWith("d")) {
						d.direct = Deadline.at(atStart(c, t.plusDays(n)), Grain.DAY, null);
					}
					else if (u.startsWith("w")) {
						d.direct = Deadline.at(atStart(c, t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(n)),
								Grain.WEEK, null);
					}
					else if (u.startsWith("m")) {
						d.direct = Deadline.at(atStart(c, t.withDayOfMonth(1).plusMonths(n)), Grain.MONTH, null);
					}
					else if (u.startsWith("q")) {
						LocalDate q = LocalDate.of(t.getYear(), ((t.getMonthValue() - 1) / 3) * 3 + 1, 1);
						d.direct = Deadline.at(atStart(c, q.plusMonths(3L * n)), Grain.QUARTER, null);
					}
					else {
						d.direct = Deadline.at(atStart(c, LocalDate.of(t.getYear() + n, 1, 1)), Grain.YEAR, null);
					}
				});
	}

	private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("gmt", 0), Map.entry("utc", 0),
			Map.entry("bst", 3600), Map.entry("cet", 3600), Map.entry("cest", 7200), Map.entry("est", -5 * 3600),
			Map.entry("edt", -4 * 3600), Map.entry("cst", -6 * 3600), Map.entry("cdt", -5 * 3600),
			Map.entry("mst", -7 * 3600), Map.entry("mdt", -6 * 3600), Map.entry("pst", -8 * 3600),
			Map.entry("pdt", -7 * 3600), Map.entry("ist", 19800), Map.entry("sast", 7200), Map.entry("wat", 3600),
			Map.entry("eat", 3 * 3600), Map.entry("aest", 10 * 3600), Map.entry("aedt", 11 * 3600),
			Map.entry("jst", 9 * 3600), Map.entry("sgt", 8 * 3600), Map.entry("wib", 7 * 3600));

	private static int amount(String word) {
		if (word.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(word);
		}
		return NUMBER_WORDS.getOrDefault(word, 3);
	}

	private static void part(Draft d, LocalTime from, LocalTime to, boolean pm) {
		if (d.partFrom == null) {
			d.partFrom = from;
			d.partTo = to;
			d.partPm = pm;
		}
	}

	private static void relative(Draft d, Context c, java.util.regex.MatchResult m) {
		String amount = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(5);
		String unit = m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : m.group(6);
		double n;
		if (amount.chars().allMatch(Character::isDigit)) {
			n = Integer.parseInt(amount);
		}
		else if (amount.startsWith("half") || amount.equals("1/2")) {
			n = 0.5;
		}
		else if (amount.equals("3/4") || amount.startsWith("three-quarters")) {
			n = 0.75;
		}
		else {
			n = NUMBER_WORDS.getOrDefault(amount, 1);
		}
		String u = unit.toLowerCase(Locale.ROOT);
		if (u.startsWith("sec") || u.equals("\"")) {
			d.direct = Deadline.at(c.ref().plusSeconds((long) n), Grain.SECOND, null);
		}
		else if (u.startsWith("min") || u.equals("'") || u.equals("menit")) {
			d.direct = Deadline.at(c.ref().plusSeconds((long) (n * 60)), Grain.MINUTE, null);
		}
		else if (u.startsWith("h") || u.equals("jam")) {
			d.direct = Deadline.at(c.ref().plusSeconds((long) (n * 3600)), Grain.MINUTE, null);
		}
		else if (u.startsWith("d") || u.equals("hari")) {
			d.direct = Deadline.at(c.ref().plusDays((long) n), Grain.DAY, null);
		}
		else if (u.startsWith("w") || u.startsWith("sem") || u.equals("minggu")) {
			d.direct = Deadline.at(c.ref().plusWeeks((long) n), Grain.DAY, null);
		}
		else if (u.startsWith("mo") || u.startsWith("mes")) {
			d.direct = Deadline.at(c.ref().plusMonths((long) n), Grain.DAY, null);
		}
		else {
			d.direct = Deadline.at(c.ref().plusYears((long) n), Grain.DAY, null);
		}
	}

	private static void clock(Draft d, String hourText, @Nullable String minuteText, @Nullable String meridiem) {
		int hour = Integer.parseInt(hourText);
		int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
		if (hour > 24 || minute > 59) {
			return;
		}
		if (meridiem != null) {
			boolean pm = meridiem.startsWith("p");
			if (hour > 12) {
				return;
			}
			if (pm && hour < 12) {
				hour += 12;
			}
			if (!pm && hour == 12) {
				hour = 0;
			}
			d.timeHasMeridiem = true;
		}
		else if (hour > 12) {
			d.timeHasMeridiem = true;
		}
		d.time = LocalTime.of(hour % 24, minute);
		d.timeGrain = minute == 0 ? Grain.HOUR : Grain.MINUTE;
	}

	private static void clock24(Draft d, String hourText, @Nullable String minuteText) {
		int hour = Integer.parseInt(hourText);
		int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
		if (hour > 23 || minute > 59) {
			return;
		}
		d.time = LocalTime.of(hour, minute);
		d.timeGrain = minute == 0 ? Grain.HOUR : Grain.MINUTE;
		d.timeHasMeridiem = true;
	}

	private static ZonedDateTime atStart(Context c, LocalDate date) {
		return date.atStartOfDay(c.ref().getZone());
	}

	private LocalDate endOfWeek(Context c) {
		LocalDate today = c.today();
		DayOfWeek end = conventions.endOfWeek();
		LocalDate candidate = today.with(TemporalAdjusters.nextOrSame(end));
		if (today.getDayOfWeek().getValue() > end.getValue()) {
			candidate = today.with(TemporalAdjusters.next(end));
		}
		return candidate;
	}

	private static @Nullable LocalDate safeDate(int year, int month, int day) {
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			return null;
		}
		try {
			return LocalDate.of(year, month, day);
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	private static @Nullable LocalDate monthDay(Context c, String monthName, int day, @Nullable String year) {
		Integer month = MONTHS.get(monthName.replace(".", ""));
		if (month == null) {
			return null;
		}
		if (year != null) {
			return safeDate(Integer.parseInt(year), month, day);
		}
		LocalDate date = safeDate(c.today().getYear(), month, day);
		if (date != null && date.isBefore(c.today())) {
			date = safeDate(c.today().getYear() + 1, month, day);
		}
		return date;
	}

	private static @Nullable LocalDate weekdayAndDay(Context c, DayOfWeek weekday, int day) {
		LocalDate first = c.today().withDayOfMonth(1);
		for (int i = 0; i < 36; i++) {
			LocalDate month = first.plusMonths(i);
			LocalDate date = safeDate(month.getYear(), month.getMonthValue(), day);
			if (date != null && !date.isBefore(c.today()) && date.getDayOfWeek() == weekday) {
				return date;
			}
		}
		return nextDayOfMonth(c, day);
	}

	private static @Nullable LocalDate nextDayOfMonth(Context c, int day) {
		LocalDate today = c.today();
		for (int i = 0; i < 3; i++) {
			LocalDate month = today.withDayOfMonth(1).plusMonths(i);
			LocalDate date = safeDate(month.getYear(), month.getMonthValue(), day);
			if (date != null && !date.isBefore(today)) {
				return date;
			}
		}
		return null;
	}

	private static boolean monthFirst(Locale locale) {
		String country = locale.getCountry();
		return country.isEmpty() || country.equals("US") || country.equals("PH") || country.equals("CA")
				|| country.equals("BZ") || country.equals("FM");
	}

	private static @Nullable LocalDate numericDate(Context c, String a, String b, @Nullable String yearText) {
		int x = Integer.parseInt(a);
		int y = Integer.parseInt(b);
		int month;
		int day;
		if (x > 12 && y <= 12) {
			day = x;
			month = y;
		}
		else if (y > 12 && x <= 12) {
			month = x;
			day = y;
		}
		else if (monthFirst(c.locale())) {
			month = x;
			day = y;
		}
		else {
			day = x;
			month = y;
		}
		if (yearText != null) {
			int year = Integer.parseInt(yearText);
			if (year < 100) {
				year += 2000;
			}
			return safeDate(year, month, day);
		}
		LocalDate date = safeDate(c.today().getYear(), month, day);
		if (date != null && date.isBefore(c.today())) {
			date = safeDate(c.today().getYear() + 1, month, day);
		}
		return date;
	}

	/** All date/time expressions of the text, resolved forward from {@code sentAt}, in text order. */
	public List<Found> parse(String text, ZonedDateTime sentAt, Locale locale) {
		String folded = Text.fold(text);
		return merge(patterns(text, folded, sentAt, locale), fromGrammar(text, folded, sentAt, locale));
	}

	/** The pattern rules' expressions alone (one pass of the parse; the benchmark times it on its own). */
	List<Found> patterns(String text, String folded, ZonedDateTime sentAt, Locale locale) {
		var parts = new ArrayList<Part>();
		for (Rule rule : rules) {
			scan(rule, folded, parts);
		}
		// keep the longest non-overlapping matches
		parts.sort(Comparator.comparingInt(Part::start).thenComparing(p -> -(p.end() - p.start())));
		var kept = new ArrayList<Part>();
		int lastEnd = -1;
		for (Part p : parts) {
			if (p.start() >= lastEnd) {
				kept.add(p);
				lastEnd = p.end();
			}
		}
		var ctx = new Context(sentAt, locale, conventions);
		var found = new ArrayList<Found>();
		Found holiday = Holidays.mentionsHoliday(folded) ? Holidays.find(text, folded, sentAt, locale) : null;
		if (holiday != null) {
			kept.removeIf(p -> p.start() < holiday.span().end() + 6 && p.end() > holiday.span().start() - 6);
			found.add(holiday);
		}
		int i = 0;
		while (i < kept.size()) {
			var group = new ArrayList<Part>();
			group.add(kept.get(i));
			int j = i + 1;
			while (j < kept.size() && joinable(folded, group.get(group.size() - 1), kept.get(j), group)) {
				group.add(kept.get(j));
				j++;
			}
			i = j;
			Deadline deadline = resolve(group, ctx);
			int start = group.get(0).start();
			int end = group.get(group.size() - 1).end();
			Span span = new Span(start, end, text.substring(start, end));
			if (deadline != null) {
				found.add(new Found(span, deadline.withEvidence(span)));
			}
			else if (group.stream().anyMatch(p -> p.kind() == Kind.NOW)) {
				found.add(new Found(span, NOW_MARKER));
			}
		}
		found.sort(Comparator.comparingInt(f -> f.span().start()));
		return found;
	}

	/** The time grammar's expressions alone (the other pass of the parse). */
	List<Found> fromGrammar(String text, String folded, ZonedDateTime sentAt, Locale locale) {
		var out = new ArrayList<Found>();
		for (TimeGrammar.Match m : grammar.parse(folded, sentAt.toLocalDateTime(), locale)) {
			Span span = new Span(m.start(), m.end(), text.substring(m.start(), m.end()));
			TimePredicate.Occurrence o = m.occurrence();
			java.time.ZoneId zone = sentAt.getZone();
			Deadline d = o.interval() ? Deadline.between(o.start().atZone(zone), o.end().atZone(zone), span)
					: Deadline.at(o.start().atZone(zone), grain(o.grain()), span);
			boolean urgent = m.now() && URGENT_NOW.matcher(folded.substring(m.start(), m.end())).find();
			out.add(new Found(span, d, urgent, m.now() && !urgent));
		}
		return out;
	}

	private static Grain grain(TimePredicate.Unit unit) {
		return Grain.valueOf(unit.name());
	}

	/**
	 * The grammar's expressions and the pattern rules' (kept for the other four languages, holidays and business
	 * forms): where they overlap, the longer span wins, the grammar on a tie.
	 */
	private static List<Found> merge(List<Found> patterns, List<Found> grammar) {
		var all = new ArrayList<Found>(grammar);
		for (Found p : patterns) {
			boolean beaten = false;
			for (Found g : grammar) {
				boolean overlap = p.span().start() < g.span().end() && g.span().start() < p.span().end();
				if (overlap && length(g) >= length(p)) {
					beaten = true;
				}
			}
			if (!beaten) {
				all.removeIf(g -> grammar.contains(g) && p.span().start() < g.span().end() && g.span().start() < p.span().end());
				all.add(p);
			}
		}
		all.sort(Comparator.comparingInt(f -> f.span().start()));
		return all;
	}

	private static int length(Found f) {
		return f.span().end() - f.span().start();
	}

	/** Marks "ASAP"/"right now": an urgency, not a deadline. Callers must treat it as "no deadline". */
	public static final Deadline NOW_MARKER = Deadline.at(ZonedDateTime.of(LocalDateTime.of(1970, 1, 1, 0, 0),
			java.time.ZoneOffset.UTC), Grain.SECOND, null);

	public static boolean isNow(Deadline deadline) {
		return deadline == NOW_MARKER;
	}

	private static final Pattern JOINER = Pattern.compile(
			"^[\\s,]*(?:at|@|on|by|before|from|around|about|the|in|of|this|next|a las|as|às|a|por|la|de|da|do|el|na|no|pela|jam|pukul|tak|ko|ke|se|for|para|pra|h)?[\\s,]*(?:the )?$");

	private static boolean joinable(String folded, Part previous, Part next, List<Part> group) {
		if (next.start() - previous.end() > 12) {
			return false;
		}
		String gap = folded.substring(previous.end(), next.start());
		if (!JOINER.matcher(gap).matches()) {
			return false;
		}
		boolean hasDate = group.stream().anyMatch(p -> p.kind() == Kind.DAY || p.kind() == Kind.WEEKDAY
				|| p.kind() == Kind.DATE || p.kind() == Kind.PERIOD);
		boolean hasTime = group.stream().anyMatch(p -> p.kind() == Kind.TIME);
		boolean hasPart = group.stream().anyMatch(p -> p.kind() == Kind.PART);
		return switch (next.kind()) {
			case DAY, WEEKDAY, DATE -> !hasDate || (next.kind() == Kind.DATE
					&& group.stream().allMatch(p -> p.kind() == Kind.WEEKDAY || p.kind() == Kind.TIME
							|| p.kind() == Kind.PART));
			case TIME -> !hasTime;
			case PART -> !hasPart && !hasTime;
			case ZONE -> hasTime && group.stream().noneMatch(p -> p.kind() == Kind.ZONE);
			default -> false;
		};
	}

	private @Nullable Deadline resolve(List<Part> group, Context ctx) {
		var d = new Draft();
		// a date rule wins over a weekday in the same group ("Friday 18th")
		boolean hasDate = group.stream().anyMatch(p -> p.kind() == Kind.DATE);
		for (Part p : group) {
			if (hasDate && p.kind() == Kind.WEEKDAY) {
				continue;
			}
			try {
				p.resolver().apply(d, ctx);
			}
			catch (RuntimeException ex) {
				// a rule that cannot resolve this text contributes nothing rather than failing the analysis
			}
		}
		if (d.now && d.date == null && d.time == null && d.direct == null) {
			return null;
		}
		if (d.direct != null && d.time == null && d.partFrom == null) {
			return d.direct;
		}
		LocalDate today = ctx.today();
		LocalDate date = d.date;
		if (d.weekday != null && date == null) {
			date = weekday(today, d);
		}
		if (date == null && d.direct != null) {
			date = d.direct.start().toLocalDate();
		}
		if (d.time != null) {
			LocalTime time = d.time;
			if (!d.timeHasMeridiem && time.getHour() >= 1 && time.getHour() < 12) {
				boolean pmContext = d.partFrom != null && d.partPm;
				if (pmContext || time.getHour() <= 6) {
					time = time.plusHours(12);
				}
			}
			if (date == null) {
				date = today;
				if (!LocalDateTime.of(date, time).isAfter(ctx.ref().toLocalDateTime())) {
					if (!d.timeHasMeridiem && time.getHour() < 12
							&& LocalDateTime.of(date, time.plusHours(12)).isAfter(ctx.ref().toLocalDateTime())) {
						time = time.plusHours(12);
					}
					else {
						date = date.plusDays(1);
					}
				}
			}
			if (d.offset != null) {
				ZonedDateTime there = LocalDateTime.of(date, time).atOffset(d.offset).atZoneSameInstant(ctx.ref().getZone());
				return Deadline.at(there, Grain.MINUTE, null);
			}
			return Deadline.at(LocalDateTime.of(date, time).atZone(ctx.ref().getZone()), d.timeGrain, null);
		}
		if (d.partFrom != null) {
			if (date == null) {
				date = today;
			}
			ZonedDateTime from = LocalDateTime.of(date, d.partFrom).atZone(ctx.ref().getZone());
			ZonedDateTime to = d.partTo == LocalTime.MAX ? atStart(ctx, date.plusDays(1))
					: LocalDateTime.of(date, d.partTo).atZone(ctx.ref().getZone());
			return Deadline.between(from, to, null);
		}
		if (date == null) {
			return null;
		}
		return Deadline.at(atStart(ctx, date), Grain.DAY, null);
	}

	private static LocalDate weekday(LocalDate today, Draft d) {
		DayOfWeek target = d.weekday;
		LocalDate date;
		if (d.nextWeek) {
			LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
			date = nextMonday.plusDays(target.getValue() - 1L);
		}
		else if (d.weekdayThisWeek) {
			LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			date = monday.plusDays(target.getValue() - 1L);
		}
		else {
			date = today.with(TemporalAdjusters.next(target));
		}
		return date.plusWeeks(d.weekdayShift);
	}
}

package com.whatsappflowhub.extraction.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.whatsappflowhub.extraction.BusinessConventions;
import com.whatsappflowhub.extraction.Deadline;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own time expressions, written for this test (not taken from any corpus), of the kinds the generic grammar
 * must read, in each of the five languages where the kind has an equivalent, with the value we expect at one
 * fixed reference instant: Wednesday 15 April 2026, 10:30, in Mexico City (no daylight saving). Forward-looking,
 * with the business conventions of {@link BusinessConventions#DEFAULTS} (a bare 1-6 is in the afternoon, "this
 * week" is Friday, parts of the day as the tenant's intervals, a named weekday is never today).
 *
 * <p>Expected values: {@code 2026-04-16 day}, {@code 2026-04-15T20:00 hour}, {@code 2026-04-15T12:00:00 second}
 * (the value truncated to the grain must match), an interval {@code A..B}, or {@code none}.
 */
class TimeGrammarLanguagesTests {

	static final ZoneId ZONE = ZoneId.of("America/Mexico_City");

	static final ZonedDateTime REF = ZonedDateTime.of(2026, 4, 15, 10, 30, 0, 0, ZONE);

	static final String CASES = """
			en | now | now | 2026-04-15T10:30:00 second
			en | now | rn | 2026-04-15T10:30:00 second
			en | now | atm | 2026-04-15T10:30:00 second
			en | now | right now | 2026-04-15T10:30:00 second
			es | now | ahora | 2026-04-15T10:30:00 second
			es | now | ahora mismo | 2026-04-15T10:30:00 second
			es | now | en este momento | 2026-04-15T10:30:00 second
			pt | now | agora | 2026-04-15T10:30:00 second
			pt | now | agr | 2026-04-15T10:30:00 second
			pt | now | agora mesmo | 2026-04-15T10:30:00 second
			id | now | sekarang | 2026-04-15T10:30:00 second
			id | now | skrg | 2026-04-15T10:30:00 second
			id | now | saat ini | 2026-04-15T10:30:00 second
			hi | now | abhi | 2026-04-15T10:30:00 second
			hi | now | abhi ke abhi | 2026-04-15T10:30:00 second
			hi | now | turant | 2026-04-15T10:30:00 second
			en | day-words | mondays | 2026-04-20 day
			en | day-words | tmrw | 2026-04-16 day
			en | day-words | tmr | 2026-04-16 day
			en | day-words | 2moro | 2026-04-16 day
			en | day-words | wednsday | 2026-04-22 day
			es | day-words | mañana | 2026-04-16 day
			es | day-words | pasado mañana | 2026-04-17 day
			es | day-words | el lunes | 2026-04-20 day
			es | day-words | los viernes | 2026-04-17 day
			es | day-words | miercoles | 2026-04-22 day
			pt | day-words | amanhã | 2026-04-16 day
			pt | day-words | amnh | 2026-04-16 day
			pt | day-words | depois de amanhã | 2026-04-17 day
			pt | day-words | sexta-feira | 2026-04-17 day
			pt | day-words | na segunda | 2026-04-20 day
			pt | day-words | às sextas | 2026-04-17 day
			id | day-words | besok | 2026-04-16 day
			id | day-words | bsk | 2026-04-16 day
			id | day-words | lusa | 2026-04-17 day
			id | day-words | hari senin | 2026-04-20 day
			id | day-words | jum'at | 2026-04-17 day
			id | day-words | hari minggu | 2026-04-19 day
			hi | day-words | kal | 2026-04-16 day
			hi | day-words | parso | 2026-04-17 day
			hi | day-words | somvar ko | 2026-04-20 day
			hi | day-words | shukravar | 2026-04-17 day
			hi | day-words | Monday ko | 2026-04-20 day
			en | hour-part | 8 tonight | 2026-04-15T20:00 hour
			en | hour-part | 7 in the morning | 2026-04-16T07:00 hour
			en | hour-part | 4 in the afternoon | 2026-04-15T16:00 hour
			es | hour-part | a las 8 de la noche | 2026-04-15T20:00 hour
			es | hour-part | a las 7 de la mañana | 2026-04-16T07:00 hour
			es | hour-part | a las 4 de la tarde | 2026-04-15T16:00 hour
			es | hour-part | esta noche a las 9 | 2026-04-15T21:00 hour
			pt | hour-part | às 8 da noite | 2026-04-15T20:00 hour
			pt | hour-part | às 7 da manhã | 2026-04-16T07:00 hour
			pt | hour-part | às 3 da tarde | 2026-04-15T15:00 hour
			id | hour-part | jam 8 malam | 2026-04-15T20:00 hour
			id | hour-part | jam 7 pagi | 2026-04-16T07:00 hour
			id | hour-part | jam 4 sore | 2026-04-15T16:00 hour
			id | hour-part | nanti malam jam 9 | 2026-04-15T21:00 hour
			hi | hour-part | raat 8 baje | 2026-04-15T20:00 hour
			hi | hour-part | subah 7 baje | 2026-04-16T07:00 hour
			hi | hour-part | shaam 6 baje | 2026-04-15T18:00 hour
			hi | hour-part | kal subah 9 baje | 2026-04-16T09:00 hour
			en | noon-minutes | quarter past noon | 2026-04-15T12:15 minute
			en | noon-minutes | 20 to 5 | 2026-04-15T16:40 minute
			en | noon-minutes | half past three | 2026-04-15T15:30 minute
			es | noon-minutes | al mediodía | 2026-04-15T12:00 hour
			es | noon-minutes | a las 3 y media | 2026-04-15T15:30 minute
			es | noon-minutes | a las 5 menos cuarto | 2026-04-15T16:45 minute
			es | noon-minutes | a las 6 menos 20 | 2026-04-15T17:40 minute
			es | noon-minutes | a las 4 y 10 | 2026-04-15T16:10 minute
			pt | noon-minutes | ao meio-dia | 2026-04-15T12:00 hour
			pt | noon-minutes | meio-dia e meia | 2026-04-15T12:30 minute
			pt | noon-minutes | às 3 e meia | 2026-04-15T15:30 minute
			pt | noon-minutes | vinte para as 5 | 2026-04-15T16:40 minute
			pt | noon-minutes | quinze para as 6 | 2026-04-15T17:45 minute
			id | noon-minutes | jam setengah 4 | 2026-04-15T15:30 minute
			id | noon-minutes | jam 5 kurang seperempat | 2026-04-15T16:45 minute
			id | noon-minutes | jam 3 lewat 15 | 2026-04-15T15:15 minute
			id | noon-minutes | jam 12 siang | 2026-04-15T12:00 hour
			hi | noon-minutes | saadhe teen baje | 2026-04-15T15:30 minute
			hi | noon-minutes | sawa 5 baje | 2026-04-15T17:15 minute
			hi | noon-minutes | paune 6 baje | 2026-04-15T17:45 minute
			hi | noon-minutes | dedh baje | 2026-04-15T13:30 minute
			hi | noon-minutes | dhai baje | 2026-04-15T14:30 minute
			en | seconds | at 10:45:30 | 2026-04-15T10:45:30 second
			es | seconds | a las 10:45:30 | 2026-04-15T10:45:30 second
			pt | seconds | às 10:45:30 | 2026-04-15T10:45:30 second
			id | seconds | jam 10:45:30 | 2026-04-15T10:45:30 second
			hi | seconds | 10:45:30 baje | 2026-04-15T10:45:30 second
			en | fractions | in 1.5 hours | 2026-04-15T12:00:00 second
			en | fractions | in half an hour | 2026-04-15T11:00:00 second
			en | fractions | in an hour and a half | 2026-04-15T12:00:00 second
			es | fractions | en media hora | 2026-04-15T11:00:00 second
			es | fractions | en hora y media | 2026-04-15T12:00:00 second
			es | fractions | dentro de 2 horas y media | 2026-04-15T13:00:00 second
			es | fractions | en 1.5 horas | 2026-04-15T12:00:00 second
			pt | fractions | em meia hora | 2026-04-15T11:00:00 second
			pt | fractions | daqui a uma hora e meia | 2026-04-15T12:00:00 second
			pt | fractions | em 1,5 hora | 2026-04-15T12:00:00 second
			id | fractions | setengah jam lagi | 2026-04-15T11:00:00 second
			id | fractions | dalam 1,5 jam | 2026-04-15T12:00:00 second
			id | fractions | satu setengah jam lagi | 2026-04-15T12:00:00 second
			hi | fractions | aadhe ghante mein | 2026-04-15T11:00:00 second
			hi | fractions | dedh ghante mein | 2026-04-15T12:00:00 second
			hi | fractions | 2 ghante baad | 2026-04-15T12:30:00 second
			en | business-days | in 3 business days | 2026-04-20 day
			en | business-days | 5 working days from now | 2026-04-22 day
			en | business-days | 2 fridays from now | 2026-04-24 day
			es | business-days | en 3 días hábiles | 2026-04-20 day
			es | business-days | dentro de 5 días laborables | 2026-04-22 day
			pt | business-days | em 3 dias úteis | 2026-04-20 day
			id | business-days | 3 hari kerja lagi | 2026-04-20 day
			id | business-days | dalam 5 hari kerja | 2026-04-22 day
			hi | business-days | 3 working days mein | 2026-04-20 day
			en | nth-last | last monday of may | 2026-05-25 day
			en | nth-last | the second week of june | 2026-06-08 week
			en | nth-last | last day of the year | 2026-12-31 day
			es | nth-last | el último lunes de mayo | 2026-05-25 day
			es | nth-last | la segunda semana de junio | 2026-06-08 week
			es | nth-last | el último día del año | 2026-12-31 day
			es | nth-last | el primer viernes de mayo | 2026-05-01 day
			pt | nth-last | a última segunda de maio | 2026-05-25 day
			pt | nth-last | a segunda semana de junho | 2026-06-08 week
			pt | nth-last | o último dia do ano | 2026-12-31 day
			id | nth-last | senin terakhir bulan mei | 2026-05-25 day
			id | nth-last | minggu kedua bulan juni | 2026-06-08 week
			id | nth-last | hari terakhir tahun ini | 2026-12-31 day
			hi | nth-last | May ka last Monday | 2026-05-25 day
			hi | nth-last | June ka doosra hafta | 2026-06-08 week
			hi | nth-last | saal ka aakhri din | 2026-12-31 day
			en | quarters | Q3 | 2026-07-01 quarter
			en | quarters | 2027Q1 | 2027-01-01 quarter
			en | quarters | third quarter | 2026-07-01 quarter
			es | quarters | el tercer trimestre | 2026-07-01 quarter
			es | quarters | el primer trimestre de 2027 | 2027-01-01 quarter
			pt | quarters | o terceiro trimestre | 2026-07-01 quarter
			pt | quarters | 1º trimestre de 2027 | 2027-01-01 quarter
			id | quarters | kuartal ketiga | 2026-07-01 quarter
			id | quarters | kuartal 1 2027 | 2027-01-01 quarter
			hi | quarters | teesra quarter | 2026-07-01 quarter
			en | seasons | this summer | 2026-06-21..2026-09-23
			en | seasons | next winter | 2026-12-21..2027-03-20
			es | seasons | en verano | 2026-06-21..2026-09-23
			es | seasons | este invierno | 2026-12-21..2027-03-20
			pt | seasons | no verão | 2026-06-21..2026-09-23
			pt | seasons | o próximo outono | 2026-09-23..2026-12-21
			en | current-month | on the 20th | 2026-04-20 day
			en | current-month | the 3rd | 2026-05-03 day
			es | current-month | el día 20 | 2026-04-20 day
			es | current-month | el día 3 | 2026-05-03 day
			pt | current-month | dia 20 | 2026-04-20 day
			pt | current-month | no dia 3 | 2026-05-03 day
			id | current-month | tanggal 20 | 2026-04-20 day
			id | current-month | tgl 3 | 2026-05-03 day
			hi | current-month | 20 tarikh ko | 2026-04-20 day
			hi | current-month | 3 tareekh | 2026-05-03 day
			en | holiday-shift | the day after christmas | 2026-12-26 day
			en | holiday-shift | christmas next year | 2027-12-25 day
			es | holiday-shift | el día después de navidad | 2026-12-26 day
			es | holiday-shift | navidad del año que viene | 2027-12-25 day
			es | holiday-shift | dos días antes de navidad | 2026-12-23 day
			pt | holiday-shift | o dia depois do natal | 2026-12-26 day
			pt | holiday-shift | natal do ano que vem | 2027-12-25 day
			pt | holiday-shift | dois dias antes do natal | 2026-12-23 day
			id | holiday-shift | sehari setelah natal | 2026-12-26 day
			id | holiday-shift | natal tahun depan | 2027-12-25 day
			id | holiday-shift | dua hari sebelum natal | 2026-12-23 day
			hi | holiday-shift | christmas ke agle din | 2026-12-26 day
			hi | holiday-shift | agle saal christmas | 2027-12-25 day
			en | weekday-date | Sunday, February 10 | 2030-02-10 day
			en | weekday-date | Friday January 1st | 2027-01-01 day
			es | weekday-date | domingo 10 de febrero | 2030-02-10 day
			es | weekday-date | lunes 5 de marzo | 2029-03-05 day
			pt | weekday-date | domingo, 10 de fevereiro | 2030-02-10 day
			pt | weekday-date | sexta, 1 de janeiro | 2027-01-01 day
			id | weekday-date | minggu, 10 februari | 2030-02-10 day
			id | weekday-date | senin 5 maret | 2029-03-05 day
			hi | weekday-date | Sunday 10 February | 2030-02-10 day
			es | negative | llego tarde | none
			es | negative | es la segunda vez | none
			pt | negative | a segunda vez que peço | none
			pt | negative | uma vez | none
			id | negative | pagi pak | none
			hi | negative | do log aayenge | none
			en | negative | at once | none
			""";

	record Case(String language, String kind, String text, String expected) {
		@Override
		public String toString() {
			return language + " " + kind + ": " + text;
		}
	}

	static List<Case> cases() {
		var out = new ArrayList<Case>();
		for (String line : CASES.strip().split("\n")) {
			String[] f = line.split("\\|");
			out.add(new Case(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
		}
		return out;
	}

	static Stream<Case> all() {
		return cases().stream();
	}

	static final DeadlineParser PARSER = new DeadlineParser(BusinessConventions.DEFAULTS);

	/** What the parser reads first in the text, or null. */
	static @Nullable Deadline read(String text) {
		List<DeadlineParser.Found> found = PARSER.parse(text, REF, Locale.ROOT);
		return found.isEmpty() ? null : found.get(0).deadline();
	}

	/** Whether {@code got} is the expected value (the value truncated to the grain, or the interval). */
	static boolean matches(String expected, @Nullable Deadline got) {
		if (expected.equals("none")) {
			return got == null || DeadlineParser.isNow(got);
		}
		if (got == null || DeadlineParser.isNow(got)) {
			return false;
		}
		if (expected.contains("..")) {
			String[] ab = expected.split("\\.\\.");
			return got.isInterval() && got.from().toLocalDateTime().equals(at(ab[0])) && got.to().toLocalDateTime().equals(at(ab[1]));
		}
		String[] vg = expected.split(" ");
		Deadline.Grain grain = Deadline.Grain.valueOf(vg[1].toUpperCase(Locale.ROOT));
		LocalDateTime want = at(vg[0]);
		if (got.isInterval()) {
			return false;
		}
		return got.grain() == grain && truncate(got.value().toLocalDateTime(), grain).equals(want);
	}

	private static LocalDateTime at(String s) {
		return s.contains("T") ? LocalDateTime.parse(s) : LocalDate.parse(s).atStartOfDay();
	}

	private static LocalDateTime truncate(LocalDateTime t, Deadline.Grain grain) {
		return switch (grain) {
			case SECOND -> t.withNano(0);
			case MINUTE -> t.withSecond(0).withNano(0);
			case HOUR -> t.withMinute(0).withSecond(0).withNano(0);
			default -> t.toLocalDate().atStartOfDay();
		};
	}

	static String describe(@Nullable Deadline d) {
		if (d == null) {
			return "none";
		}
		if (DeadlineParser.isNow(d)) {
			return "urgency marker";
		}
		return d.isInterval() ? d.from().toLocalDateTime() + ".." + d.to().toLocalDateTime()
				: d.value().toLocalDateTime() + " " + d.grain().name().toLowerCase(Locale.ROOT);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("all")
	void readsTheExpressionAtTheReferenceInstant(Case c) {
		Deadline got = read(c.text());
		assertThat(matches(c.expected(), got)).as("'%s' read as %s, expected %s", c.text(), describe(got), c.expected()).isTrue();
	}

	/** The development loop: every case with what was read, the misses first, and the score per kind and language. */
	public static void main(String[] args) {
		var perKind = new java.util.TreeMap<String, int[]>();
		var perLanguage = new java.util.TreeMap<String, int[]>();
		int ok = 0;
		for (Case c : cases()) {
			Deadline got = read(c.text());
			boolean hit = matches(c.expected(), got);
			ok += hit ? 1 : 0;
			for (var map : List.of(perKind, perLanguage)) {
				int[] k = map.computeIfAbsent(map == perKind ? c.kind() : c.language(), x -> new int[2]);
				k[0] += hit ? 1 : 0;
				k[1]++;
			}
			if (!hit) {
				System.out.printf("MISS %s | %s | %s | got %s%n", c.language(), c.text(), c.expected(), describe(got));
			}
		}
		perKind.forEach((k, v) -> System.out.printf("  %-16s %d/%d%n", k, v[0], v[1]));
		perLanguage.forEach((k, v) -> System.out.printf("  %-16s %d/%d%n", k, v[0], v[1]));
		System.out.printf("%d/%d%n", ok, cases().size());
	}
}

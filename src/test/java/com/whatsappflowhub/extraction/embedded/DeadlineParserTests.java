package com.whatsappflowhub.extraction.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.whatsappflowhub.extraction.BusinessConventions;
import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.Deadline.Grain;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DeadlineParserTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	// Tuesday 2026-03-03 10:00 in New York
	static final ZonedDateTime TUESDAY = ZonedDateTime.of(2026, 3, 3, 10, 0, 0, 0, NEW_YORK);

	final DeadlineParser parser = new DeadlineParser(BusinessConventions.DEFAULTS);

	Deadline first(String text) {
		return first(text, TUESDAY, Locale.US);
	}

	Deadline first(String text, ZonedDateTime sentAt, Locale locale) {
		List<DeadlineParser.Found> found = parser.parse(text, sentAt, locale);
		assertThat(found).as("expressions in '%s'", text).isNotEmpty();
		return found.get(0).deadline();
	}

	@Test
	void readsAWeekdayAsTheNextOneAfterTheSentDate() {
		Deadline friday = first("can you send it by Friday?");
		assertThat(friday.value()).isEqualTo(ZonedDateTime.of(2026, 3, 6, 0, 0, 0, 0, NEW_YORK));
		assertThat(friday.grain()).isEqualTo(Grain.DAY);
		assertThat(first("see you tuesday").value().toLocalDate()).hasToString("2026-03-10");
	}

	@Test
	void readsSlashDatesByTheTenantLocale() {
		assertThat(first("due 3/4", TUESDAY, Locale.UK).value().toLocalDate()).hasToString("2026-04-03");
		assertThat(first("due 3/4", TUESDAY, Locale.US).value().toLocalDate()).hasToString("2026-03-04");
	}

	@Test
	void endOfDayFollowsTheTenantConvention() {
		assertThat(first("Thursday EOD").value()).isEqualTo(ZonedDateTime.of(2026, 3, 5, 17, 0, 0, 0, NEW_YORK));
		var d = BusinessConventions.DEFAULTS;
		var late = new BusinessConventions(LocalTime.of(18, 30), d.endOfWeek(), d.morningStart(), d.morningEnd(),
				d.afternoonStart(), d.afternoonEnd(), d.eveningStart(), d.eveningEnd(), d.lunchStart(), d.lunchEnd());
		Deadline eod = new DeadlineParser(late).parse("by EOD pls", TUESDAY, Locale.US).get(0).deadline();
		assertThat(eod.value().toLocalTime()).isEqualTo(LocalTime.of(18, 30));
	}

	@Test
	void readsPartsOfTheDayAsIntervals() {
		Deadline morning = first("tomorrow morning");
		assertThat(morning.isInterval()).isTrue();
		assertThat(morning.from()).isEqualTo(ZonedDateTime.of(2026, 3, 4, 9, 0, 0, 0, NEW_YORK));
		assertThat(morning.to()).isEqualTo(ZonedDateTime.of(2026, 3, 4, 12, 0, 0, 0, NEW_YORK));
		assertThat(first("after lunch").from().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
		assertThat(first("tonight").from().toLocalTime()).isEqualTo(LocalTime.of(18, 0));
	}

	@Test
	void readsBareAfternoonHoursAsBusinessHours() {
		Deadline at2 = first("tmrw at 2");
		assertThat(at2.value()).isEqualTo(ZonedDateTime.of(2026, 3, 4, 14, 0, 0, 0, NEW_YORK));
		assertThat(at2.grain()).isEqualTo(Grain.HOUR);
		assertThat(first("Saturday at 7.30pm").value().toLocalTime()).isEqualTo(LocalTime.of(19, 30));
		assertThat(first("Saturday at 7.30pm").grain()).isEqualTo(Grain.MINUTE);
	}

	@Test
	void usesTheOffsetOfTheDeadlineDateAcrossDaylightSaving() {
		// New York moves to summer time on 2026-03-08
		Deadline monday = first("by Monday");
		assertThat(monday.value().getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
		assertThat(TUESDAY.getOffset().getTotalSeconds()).isEqualTo(-5 * 3600);
	}

	@Test
	void readsRelativeOffsetsFromTheSentTime() {
		assertThat(first("omw, 20 min").value()).isEqualTo(TUESDAY.plusMinutes(20));
		assertThat(first("in 6 days").value().toLocalDate()).hasToString("2026-03-09");
	}

	@Test
	void readsPeriods() {
		Deadline nextWeek = first("sometime next week");
		assertThat(nextWeek.from().toLocalDate()).hasToString("2026-03-09");
		assertThat(nextWeek.to().toLocalDate()).hasToString("2026-03-16");
		assertThat(first("by the end of the month").value().toLocalDate()).hasToString("2026-03-31");
		assertThat(first("this week").value().toLocalDate()).hasToString("2026-03-06");
	}

	@Test
	void readsSpanishPortugueseIndonesianAndHinglish() {
		assertThat(first("te lo llevo mañana").value().toLocalDate()).hasToString("2026-03-04");
		assertThat(first("pode ser quinta 9h?").value()).isEqualTo(ZonedDateTime.of(2026, 3, 5, 9, 0, 0, 0, NEW_YORK));
		assertThat(first("tolong antar besok pagi").from()).isEqualTo(ZonedDateTime.of(2026, 3, 4, 9, 0, 0, 0, NEW_YORK));
		assertThat(first("ghar jao 3 baje tak").value().toLocalTime()).isEqualTo(LocalTime.of(15, 0));
	}

	@Test
	void resolvesHolidaysForward() {
		assertThat(first("before easter").value().toLocalDate()).hasToString("2026-04-05");
		assertThat(first("by thanksgiving").value().toLocalDate()).hasToString("2026-11-26");
		assertThat(first("on christmas eve", ZonedDateTime.of(2026, 12, 26, 9, 0, 0, 0, NEW_YORK), Locale.US).value()
			.toLocalDate()).hasToString("2027-12-24");
	}

	@Test
	void readsHolidaysByTheTenantLocale() {
		assertThat(first("labour day", TUESDAY, Locale.UK).value().toLocalDate()).hasToString("2026-05-04");
		assertThat(first("labor day", TUESDAY, Locale.US).value().toLocalDate()).hasToString("2026-09-07");
		assertThat(first("thanksgiving", TUESDAY, Locale.CANADA).value().toLocalDate()).hasToString("2026-10-12");
		assertThat(first("valentine's day 2027").value().toLocalDate()).hasToString("2027-02-14");
		assertThat(parser.parse("May I come in?", TUESDAY, Locale.US)).isEmpty();
	}

	@Test
	void readsIslamicAndJewishHolidaysFromTheirCalendars() {
		assertThat(first("after eid al-fitr 2018").value().toLocalDate()).hasToString("2018-06-15");
		Deadline hanukkah = first("during hanukkah 2018");
		assertThat(hanukkah.from().toLocalDate()).hasToString("2018-12-02");
		assertThat(hanukkah.to().toLocalDate()).hasToString("2018-12-10");
	}

	@Test
	void convertsAnExplicitTimeZoneToTheTenantZone() {
		assertThat(first("Thursday 8:00 GMT").value().toLocalTime()).isEqualTo(LocalTime.of(3, 0));
	}

	@Test
	void asapIsUrgencyNotADeadline() {
		List<DeadlineParser.Found> found = parser.parse("call the tech asap", TUESDAY, Locale.US);
		assertThat(found).allMatch(f -> DeadlineParser.isNow(f.deadline()));
	}

	@Test
	void ignoresNumbersThatAreNotTimes() {
		assertThat(parser.parse("pls send quotation for 5,000 pcs 8x8 cake boxes", TUESDAY, Locale.US)).isEmpty();
		assertThat(parser.parse("1 adult", TUESDAY, Locale.US)).isEmpty();
	}

	@Test
	void keepsTheEvidenceSpan() {
		String text = "Jenna, send the April newsletter by Friday";
		DeadlineParser.Found found = parser.parse(text, TUESDAY, Locale.US).get(0);
		assertThat(text.substring(found.span().start(), found.span().end())).containsIgnoringCase("friday");
	}
}

package com.whatsappflowhub.extraction;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * How a tenant reads vague times: when the working day ends ("EOD"), which day ends the week, and the
 * windows meant by "morning" (09:00-12:00), "afternoon" / "after lunch" (13:00-17:00), "tonight"
 * (18:00-22:00) and "at lunch" (12:00-14:00).
 */
public record BusinessConventions(LocalTime endOfDay, DayOfWeek endOfWeek, LocalTime morningStart,
		LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd, LocalTime eveningStart,
		LocalTime eveningEnd, LocalTime lunchStart, LocalTime lunchEnd) {

	public static final BusinessConventions DEFAULTS = new BusinessConventions(LocalTime.of(17, 0),
			DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.NOON, LocalTime.of(13, 0), LocalTime.of(17, 0),
			LocalTime.of(18, 0), LocalTime.of(22, 0), LocalTime.NOON, LocalTime.of(14, 0));
}

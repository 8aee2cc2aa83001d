package com.whatsappflowhub.extraction;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * How a tenant reads vague times: when the working day ends ("EOD"), which day ends the week, and the
 * windows meant by "morning", "afternoon", "tonight" and "at lunch".
 */
public record BusinessConventions(LocalTime endOfDay, DayOfWeek endOfWeek, LocalTime morningStart,
		LocalTime morningEnd, LocalTime afternoonEnd, LocalTime eveningEnd, LocalTime lunchStart,
		LocalTime lunchEnd) {

	public static final BusinessConventions DEFAULTS = new BusinessConventions(LocalTime.of(17, 0),
			DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.NOON, LocalTime.of(17, 0), LocalTime.of(22, 0),
			LocalTime.NOON, LocalTime.of(14, 0));
}

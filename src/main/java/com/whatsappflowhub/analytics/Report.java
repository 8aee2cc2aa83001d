package com.whatsappflowhub.analytics;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a period looked like. Message figures are null in a report scoped to a team or a person. Durations are in
 * hours; a rate with nothing to count is null.
 */
public record Report(Period period, String timezone, Summary summary, List<Day> days, List<Load> assignees,
		List<Load> teams, List<Language> languages) {

	/**
	 * @param actionableShare inbound messages that became at least one task, of all inbound messages
	 * @param confirmationRate suggestions confirmed in review, of those confirmed or rejected in the period
	 */
	public record Summary(@Nullable Long messages, @Nullable Double actionableShare, long tasksCreated,
			long tasksCompleted, long overdueNow, @Nullable Double medianHoursToDone, @Nullable Double p90HoursToDone,
			long suggestionsConfirmed, long suggestionsRejected, @Nullable Double confirmationRate) {
	}

	public record Day(LocalDate date, @Nullable Long messages, long tasksCreated, long tasksCompleted,
			long tasksOverdue) {
	}

	/** Work per assignee or team: open now, completed in the period, overdue now; {@code id} null = nobody. */
	public record Load(@Nullable String id, String name, long open, long completed, long overdue) {
	}

	/**
	 * The period by the language the pipeline detected on each inbound message ({@code und} when it could not
	 * tell); the actionable share is of the text messages, as in the summary. {@code messages} and {@code actionableShare} are null in a report scoped to a team or a person;
	 * {@code tasksCreated} counts the tasks of the scope created in the period from a message in this language.
	 */
	public record Language(String language, @Nullable Long messages, @Nullable Double actionableShare,
			long tasksCreated) {
	}
}

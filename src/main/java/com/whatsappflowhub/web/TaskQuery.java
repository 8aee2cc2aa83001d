package com.whatsappflowhub.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskFilter;
import com.whatsappflowhub.tasks.TaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * The task list's filter form: the API's filters (status, assignee, team, priority, due before / after as dates in
 * the tenant's zone, free text) and "mine". Values that do not parse are ignored rather than failing the page.
 */
record TaskQuery(@Nullable Set<TaskStatus> status, @Nullable String assignee, @Nullable String team,
		@Nullable Set<String> priority, @Nullable String dueBefore, @Nullable String dueAfter, @Nullable String q,
		@Nullable Boolean mine) {

	public Set<TaskStatus> statuses() {
		return status == null || status.isEmpty() ? Set.of() : EnumSet.copyOf(status);
	}

	public Set<String> priorities() {
		return priority == null ? Set.of() : priority;
	}

	public boolean onlyMine() {
		return Boolean.TRUE.equals(mine);
	}

	public TaskFilter toFilter(DashboardUser me, Formats fmt) {
		Set<Priority> priorities = EnumSet.noneOf(Priority.class);
		for (String p : priorities()) {
			for (Priority known : Priority.values()) {
				if (known.code().equals(p)) {
					priorities.add(known);
				}
			}
		}
		UserId assigneeId = onlyMine() ? me.userId() : uuid(assignee) == null ? null : new UserId(uuid(assignee));
		TeamId teamId = uuid(team) == null ? null : new TeamId(uuid(team));
		return new TaskFilter(statuses(), assigneeId, teamId, priorities, startOf(dueBefore, fmt), startOf(dueAfter, fmt),
				null, null, null, q == null || q.isBlank() ? null : q.trim(), false);
	}

	private static @Nullable UUID uuid(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Instant startOf(@Nullable String date, Formats fmt) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date.trim()).atStartOfDay(fmt.zone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}

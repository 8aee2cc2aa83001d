package com.whatsappflowhub.tasks;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * What to list. Every criterion is optional; {@code text} searches title and description. {@code suggested}
 * selects the review queue (true) or confirmed tasks (false); null lists both.
 */
public record TaskFilter(Set<TaskStatus> statuses, @Nullable UserId assignee, @Nullable TeamId team,
		Set<Priority> priorities, @Nullable Instant dueBefore, @Nullable Instant dueAfter, @Nullable Instant createdFrom,
		@Nullable Instant createdTo, @Nullable UUID conversation, @Nullable String text, @Nullable Boolean suggested) {

	public static TaskFilter all() {
		return new TaskFilter(Set.of(), null, null, Set.of(), null, null, null, null, null, null, null);
	}
}

package com.whatsappflowhub.workflow;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the rules decided for one task, in rule order (a later rule overrides an earlier one's priority or
 * assignee). {@code failures} are rules that could not be evaluated; they were skipped.
 */
public record Decision(List<Match> matched, @Nullable String priority, @Nullable UUID assignee, @Nullable UUID team,
		List<String> labels, List<String> notifications, boolean requireConfirmation, List<UUID> pushTo,
		List<Failure> failures) {

	public record Match(RuleId rule, String name, List<RuleAction> actions, boolean stopped) {
	}

	public record Failure(RuleId rule, String name, String error) {
	}

	public boolean changesAnything() {
		return priority != null || assignee != null || team != null || !labels.isEmpty() || !notifications.isEmpty()
				|| requireConfirmation || !pushTo.isEmpty();
	}
}

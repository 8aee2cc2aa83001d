package com.whatsappflowhub.integrations;

import java.time.LocalDate;

import com.whatsappflowhub.tasks.Priority;
import org.jspecify.annotations.Nullable;

/**
 * What changed at the far end, as a connector read it from a webhook or a reconciliation pass; {@code null} and
 * {@code false} mean "not part of this change".
 *
 * @param status the far end's status category
 * @param assigneeChanged whether the assignee is part of the change ({@code assigneeRemoteId} null: unassigned)
 * @param who who did it there, for the task's history
 */
public record RemoteChange(String who, @Nullable Category status, boolean assigneeChanged,
		@Nullable String assigneeRemoteId, @Nullable String assigneeEmail, @Nullable Priority priority,
		@Nullable LocalDate dueDate, @Nullable String title) {

	/** Status categories every tool has in some form (Jira's To Do / In Progress / Done). */
	public enum Category {

		TODO, IN_PROGRESS, DONE

	}

	public boolean isEmpty() {
		return status == null && !assigneeChanged && priority == null && dueDate == null && title == null;
	}
}

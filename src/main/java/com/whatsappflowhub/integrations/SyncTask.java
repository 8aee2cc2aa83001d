package com.whatsappflowhub.integrations;

import java.time.ZoneId;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.tasks.TaskView;
import org.jspecify.annotations.Nullable;

/**
 * A task as a connector pushes it: the task, the tenant's zone (a deadline's date is the tenant's), a link back to
 * the task, where it came from (the WhatsApp message, its sender and time), and who the assignee is in the
 * connector's tool when known ({@code externalIdentities} of the user) plus the assignee's e-mail to look them up.
 */
public record SyncTask(TaskView task, ZoneId zone, String taskUrl, @Nullable Source source,
		@Nullable Assignee assignee) {

	/** The WhatsApp message the task came from. */
	public record Source(String text, String sender, java.time.Instant at) {
	}

	/** The assignee: name, e-mail, and their id in this connector's tool when mapped. */
	public record Assignee(UserId id, String name, @Nullable String email, @Nullable String remoteId) {
	}
}

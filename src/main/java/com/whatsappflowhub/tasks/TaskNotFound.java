package com.whatsappflowhub.tasks;

import com.whatsappflowhub.platform.NotFound;

public final class TaskNotFound extends NotFound {

	TaskNotFound(TaskId id) {
		super("No task " + id);
	}
}

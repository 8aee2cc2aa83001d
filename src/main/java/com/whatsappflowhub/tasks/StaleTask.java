package com.whatsappflowhub.tasks;

import com.whatsappflowhub.platform.PreconditionFailed;

/** The caller changed a version of the task that someone else has changed since. */
public final class StaleTask extends PreconditionFailed {

	StaleTask(TaskId id, int expected, int actual) {
		super("Task " + id + " is at version " + actual + ", not " + expected + ". Read it again and retry.");
	}
}

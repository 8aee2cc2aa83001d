package com.whatsappflowhub.tasks;

import com.whatsappflowhub.platform.Conflict;

/** The task's status does not allow that step (completing a cancelled task, starting a done one). */
public final class TransitionNotAllowed extends Conflict {

	TransitionNotAllowed(TaskStatus from, String step) {
		super("transition-not-allowed", "A task that is " + from + " cannot " + step + ".");
	}
}

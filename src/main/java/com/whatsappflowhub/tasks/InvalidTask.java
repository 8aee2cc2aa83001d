package com.whatsappflowhub.tasks;

import com.whatsappflowhub.platform.InvalidRequest;

/** A task that breaks the data-quality rules: empty title, unknown priority, confidence outside [0, 1]. */
public final class InvalidTask extends InvalidRequest {

	private final String field;

	InvalidTask(String field, String detail) {
		super("invalid-task", field + " " + detail);
		this.field = field;
	}

	public String field() {
		return field;
	}
}

package com.whatsappflowhub.extraction;

import java.util.Locale;

/** How soon a task needs attention. */
public enum Priority {
	LOW, MEDIUM, HIGH, URGENT;

	/** The lower-case label used in JSON and in the labelled files. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}

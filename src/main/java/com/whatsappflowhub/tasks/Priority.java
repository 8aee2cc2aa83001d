package com.whatsappflowhub.tasks;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The four priorities of the seed's data-quality rules, written in lower case on the wire and in the table. */
public enum Priority {

	LOW, MEDIUM, HIGH, URGENT;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Priority of(String code) {
		for (Priority priority : values()) {
			if (priority.code().equalsIgnoreCase(code.trim())) {
				return priority;
			}
		}
		throw new InvalidTask("priority", "must be one of low, medium, high, urgent");
	}
}

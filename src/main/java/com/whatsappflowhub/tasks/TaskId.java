package com.whatsappflowhub.tasks;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.util.Assert;

public record TaskId(@JsonValue UUID value) {

	public TaskId {
		Assert.notNull(value, "Task id must not be null");
	}

	@JsonCreator
	public static TaskId of(String value) {
		return new TaskId(UUID.fromString(value));
	}

	static TaskId random() {
		return new TaskId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

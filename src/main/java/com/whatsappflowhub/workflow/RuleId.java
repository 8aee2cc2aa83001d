package com.whatsappflowhub.workflow;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record RuleId(@JsonValue UUID value) {

	@JsonCreator
	public static RuleId of(String value) {
		return new RuleId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

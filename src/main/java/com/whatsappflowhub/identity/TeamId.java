package com.whatsappflowhub.identity;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

public record TeamId(@JsonValue UUID value) {

	public TeamId {
		Assert.notNull(value, "Team id must not be null");
	}

	@JsonCreator
	public static TeamId of(String value) {
		return new TeamId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

package com.whatsappflowhub.identity;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

public record UserId(@JsonValue UUID value) {

	public UserId {
		Assert.notNull(value, "User id must not be null");
	}

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	@JsonCreator
	public static UserId of(String value) {
		return new UserId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

package com.whatsappflowhub.identity;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

public record UserId(@JsonValue UUID value) {

	public UserId {
		Assert.notNull(value, "User id must not be null");
	}

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

package com.whatsappflowhub.inbox;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

public record ContactId(@JsonValue UUID value) {

	public ContactId {
		Assert.notNull(value, "ContactId must not be null");
	}

	public static ContactId random() {
		return new ContactId(UUID.randomUUID());
	}

	@JsonCreator
	public static ContactId of(String value) {
		return new ContactId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

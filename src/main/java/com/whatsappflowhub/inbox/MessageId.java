package com.whatsappflowhub.inbox;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

public record MessageId(@JsonValue UUID value) {

	public MessageId {
		Assert.notNull(value, "MessageId must not be null");
	}

	public static MessageId random() {
		return new MessageId(UUID.randomUUID());
	}

	@JsonCreator
	public static MessageId of(String value) {
		return new MessageId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

package com.whatsappflowhub.inbox;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

public record ConversationId(@JsonValue UUID value) {

	public ConversationId {
		Assert.notNull(value, "ConversationId must not be null");
	}

	public static ConversationId random() {
		return new ConversationId(UUID.randomUUID());
	}

	@JsonCreator
	public static ConversationId of(String value) {
		return new ConversationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

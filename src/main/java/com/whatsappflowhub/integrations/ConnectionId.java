package com.whatsappflowhub.integrations;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A tenant's connection to one tool (a Jira site and project, a Slack workspace and channel, ...). */
public record ConnectionId(@JsonValue UUID value) {

	public static ConnectionId random() {
		return new ConnectionId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

package com.whatsappflowhub.integrations;

import java.time.Instant;

import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A connection as its connector sees it: the configuration, the opened credentials (never leave the module; the API
 * answers {@code hasCredentials}) and what the far end said about itself on the last test ({@code remoteSelf}: the
 * Jira account we act as, the Slack team, app and bot user), which recognises our own changes when they come back.
 */
public record Connection(ConnectionId id, TenantId tenantId, String type, String name, ObjectNode config,
		ObjectNode credentials, ObjectNode remoteSelf, boolean enabled, @Nullable Instant reconciledAt) {

	public String config(String field) {
		return config.path(field).asString("");
	}

	public String credential(String field) {
		return credentials.path(field).asString("");
	}

	public @Nullable String filter() {
		String filter = config.path("filter").asString("");
		return filter.isBlank() ? null : filter;
	}

	@Override
	public String toString() {
		return "Connection[" + type + " " + id + " " + name + "]"; // never the credentials
	}
}

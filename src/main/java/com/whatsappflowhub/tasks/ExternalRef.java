package com.whatsappflowhub.tasks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a task lives in another tool: which connection made it, the tool's key for it (a Jira issue key, a Slack
 * message's channel and timestamp) and a link a person can open.
 */
public record ExternalRef(String connectionId, String key, @Nullable String url, Instant syncedAt) {
}

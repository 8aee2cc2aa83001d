package com.whatsappflowhub.integrations;

import org.jspecify.annotations.Nullable;

/** What a connector made of a task at the far end: its key there (a Jira issue key, a Slack channel and ts) and a link. */
public record Remote(String key, @Nullable String url) {
}

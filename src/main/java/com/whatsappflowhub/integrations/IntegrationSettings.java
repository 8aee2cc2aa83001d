package com.whatsappflowhub.integrations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl where people reach this service (links from Jira issues and Slack cards back to the task)
 * @param slackBaseUrl Slack's Web API ({@code FLOWHUB_SLACK_BASE_URL}); a local stand-in in tests
 * @param syncBackoff first pause before a failed call to a tool is tried again (doubles up to 10 min, with jitter)
 * @param reconcileEvery how often each connection looks for changes whose webhook never came
 * @param connectTimeout connecting to a tool
 * @param readTimeout waiting for a tool's answer
 */
@ConfigurationProperties("flowhub.integrations")
public record IntegrationSettings(@DefaultValue("http://localhost:8080") String publicUrl,
		@DefaultValue("https://slack.com/api") String slackBaseUrl, @DefaultValue("2s") Duration syncBackoff,
		@DefaultValue("5m") Duration reconcileEvery, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("20s") Duration readTimeout) {

	public String taskUrl(Object taskId) {
		return publicUrl.replaceAll("/+$", "") + "/tasks/" + taskId;
	}
}

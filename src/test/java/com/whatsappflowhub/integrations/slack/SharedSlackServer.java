package com.whatsappflowhub.integrations.slack;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * One local Slack for the whole test JVM: the shared application context's {@code flowhub.integrations.slack-base-url}
 * points at it (configuration, as {@code FLOWHUB_SLACK_BASE_URL} in production). Each test makes a workspace of its
 * own ({@link LocalSlack#workspace}), so tests do not see each other's messages.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedSlackServer {

	private static LocalSlack server;

	static synchronized LocalSlack server() {
		if (server == null) {
			server = new LocalSlack();
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "slack-stand-in-stop"));
		}
		return server;
	}

	@Bean
	DynamicPropertyRegistrar localSlackBaseUrl() {
		return registry -> registry.add("flowhub.integrations.slack-base-url", () -> server().baseUrl());
	}
}

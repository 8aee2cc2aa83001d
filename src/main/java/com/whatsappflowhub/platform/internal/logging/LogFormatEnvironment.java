package com.whatsappflowhub.platform.internal.logging;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code FLOWHUB_LOG_FORMAT=json} switches the console to structured JSON logs (Logstash's field layout, which
 * log shippers read without configuration); anything else keeps Spring Boot's plain text.
 */
class LogFormatEnvironment implements EnvironmentPostProcessor, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty("flowhub.log-format", environment.getProperty("FLOWHUB_LOG_FORMAT", "text"));
		if ("json".equalsIgnoreCase(format.trim()) && !environment.containsProperty("logging.structured.format.console")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("flowhubLogFormat", Map.of("logging.structured.format.console", "logstash")));
		}
	}
}

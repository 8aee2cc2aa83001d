package com.whatsappflowhub.whatsapp.demo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In demo mode ({@code --demo} or {@code FLOWHUB_DEMO=true}) the Graph API is the built-in sandbox on the service's own
 * port, unless {@code FLOWHUB_WHATSAPP_BASE_URL} names another: configuration, like any other base URL.
 */
class DemoEnvironment implements EnvironmentPostProcessor {

	static final String BASE_URL = "flowhub.whatsapp.base-url";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean demo = environment.containsProperty("demo")
				|| Boolean.parseBoolean(environment.getProperty("flowhub.demo", environment.getProperty("FLOWHUB_DEMO", "false")));
		if (demo && !environment.containsProperty("FLOWHUB_WHATSAPP_BASE_URL")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("flowhubDemo",
						Map.of(BASE_URL, "http://127.0.0.1:${server.port:8080}/sandbox/graph")));
		}
	}
}

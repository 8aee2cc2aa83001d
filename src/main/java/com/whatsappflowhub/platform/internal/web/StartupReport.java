package com.whatsappflowhub.platform.internal.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the service where to find it. */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final Environment environment;

	StartupReport(Environment environment) {
		this.environment = environment;
	}

	@EventListener
	void on(ApplicationReadyEvent event) {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String base = "http://localhost:" + port;
		Duration took = event.getTimeTaken();
		log.info("""

				  WhatsAppFlowHub is ready in {} ms, listening on port {}
				    API          {}/api/v1   (sign in: POST /api/v1/auth/token)
				    Swagger UI   {}/swagger-ui.html
				    Health       {}/actuator/health/readiness
				""", took == null ? "?" : took.toMillis(), port, base, base, base);
	}
}

package com.whatsappflowhub.extraction;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the {@link ExtractionEngine} so other modules can inject it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExtractionSettings.class)
class ExtractionConfiguration {

	@Bean
	ExtractionEngine extractionEngine(ExtractionSettings settings) {
		if (!"embedded".equals(settings.engine())) {
			throw new IllegalStateException("unknown flowhub.extraction.engine: " + settings.engine()
					+ " (available: embedded)");
		}
		return ExtractionEngine.embedded(settings.conventions().toBusinessConventions());
	}
}

package com.whatsappflowhub.extraction;

import com.whatsappflowhub.extraction.llm.LlmEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Exposes the {@link ExtractionEngine} so other modules can inject it: the embedded engine by default, the LLM
 * engine (falling back to the embedded one) with {@code flowhub.extraction.engine=llm}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExtractionSettings.class)
class ExtractionConfiguration {

	@Bean
	WarmingEngine embeddedExtractionEngine(ExtractionSettings settings) {
		return new WarmingEngine(() -> ExtractionEngine.embedded(settings.conventions().toBusinessConventions()));
	}

	/** Readiness is UP only once the embedded engine is loaded and warm (liveness does not wait for it). */
	@Bean
	HealthIndicator extractionEngineHealthIndicator(WarmingEngine engine) {
		return () -> engine.isWarm() ? Health.up().build() : Health.outOfService().withDetail("engine", "warming up").build();
	}

	@Bean
	@Primary
	ExtractionEngine extractionEngine(ExtractionSettings settings, WarmingEngine embedded) {
		return switch (settings.engine()) {
			case "embedded" -> embedded;
			case "llm" -> {
				ExtractionSettings.Llm llm = settings.llm();
				yield new LlmEngine(new LlmEngine.Endpoint(llm.baseUrl(), llm.apiKey(), llm.model(), llm.timeout(),
						llm.redact()), embedded);
			}
			default -> throw new IllegalStateException(
					"unknown flowhub.extraction.engine: " + settings.engine() + " (available: embedded, llm)");
		};
	}
}

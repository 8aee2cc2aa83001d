package com.whatsappflowhub.extraction;

import com.whatsappflowhub.extraction.llm.LlmEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the {@link ExtractionEngine} so other modules can inject it: the embedded engine by default, the LLM
 * engine (falling back to the embedded one) with {@code flowhub.extraction.engine=llm}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExtractionSettings.class)
class ExtractionConfiguration {

	@Bean
	ExtractionEngine extractionEngine(ExtractionSettings settings) {
		ExtractionEngine embedded = new WarmingEngine(
				() -> ExtractionEngine.embedded(settings.conventions().toBusinessConventions()));
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

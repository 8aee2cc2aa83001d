package com.whatsappflowhub.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.whatsappflowhub.extraction.llm.LlmEngine;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ExtractionConfigurationTests {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(ExtractionConfiguration.class);

	@Test
	void exposesTheEmbeddedEngineWithTheTenantsBusinessConventions() {
		context.withPropertyValues("flowhub.extraction.conventions.end-of-day=18:30").run(ctx -> {
			ExtractionEngine engine = ctx.getBean(ExtractionEngine.class);
			assertThat(engine.name()).isEqualTo("embedded");
			var sent = ZonedDateTime.of(2026, 3, 3, 10, 0, 0, 0, ZoneId.of("Europe/Madrid"));
			Analysis analysis = engine.analyse(AnalysisRequest.of("pls send me the report by EOD", sent));
			assertThat(analysis.dates()).isNotEmpty();
			assertThat(analysis.dates().get(0).value().toLocalTime()).isEqualTo(LocalTime.of(18, 30));
		});
	}

	@Test
	void switchesToTheLlmEngineByConfiguration() {
		context.withPropertyValues("flowhub.extraction.engine=llm", "flowhub.extraction.llm.base-url=http://127.0.0.1:9/v1")
			.run(ctx -> assertThat(ctx.getBean(ExtractionEngine.class)).isInstanceOf(LlmEngine.class));
	}

	@Test
	void refusesAnUnknownEngine() {
		context.withPropertyValues("flowhub.extraction.engine=magic").run(ctx -> assertThat(ctx).hasFailed());
	}

}

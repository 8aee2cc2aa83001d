package com.whatsappflowhub.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.platform.Delivery;

/** The default context (every test's but {@link KafkaEventsTests}'): no bootstrap servers, so no Kafka at all. */
@IntegrationTest
class KafkaSwitchTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Test
	void withoutBootstrapServersNoKafkaBeanAndNoExportIsCreated() {
		assertThat(environment.getProperty(KafkaSwitch.ENABLED)).isEqualTo("false");
		assertThat(Arrays.stream(context.getBeanDefinitionNames()))
			.noneMatch(name -> name.toLowerCase().contains("kafka"));
		assertThat(context.getBeansOfType(Delivery.class).keySet()).noneMatch(name -> name.startsWith("events."));
	}
}

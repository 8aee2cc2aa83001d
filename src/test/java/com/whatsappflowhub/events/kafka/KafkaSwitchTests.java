package com.whatsappflowhub.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;

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
		// our own settings record is bound either way; what must be absent is every bean of a Kafka library
		assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType).filter(Objects::nonNull)
			.map(Class::getName))
			.noneMatch(type -> type.startsWith("org.springframework.kafka") || type.startsWith("org.apache.kafka")
					|| type.startsWith("org.springframework.boot.kafka"));
		assertThat(context.getBeansOfType(Delivery.class).keySet()).noneMatch(name -> name.startsWith("events."));
	}
}

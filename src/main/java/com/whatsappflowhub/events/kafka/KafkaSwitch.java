package com.whatsappflowhub.events.kafka;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Whether a bootstrap server is configured is read from the raw property (unresolved: a test's
 * {@code ${spring.embedded.kafka.brokers}} is known only once its broker runs). Without {@code spring.kafka.bootstrap-servers} (the embedded default, and every test but the Kafka one) Boot's
 * Kafka auto-configuration is excluded, so the service starts exactly as it did before Kafka was on the class path:
 * no producer factory, no admin, no listener container factory. The exclusion is added to whatever
 * {@code spring.autoconfigure.exclude} already says.
 */
class KafkaSwitch implements EnvironmentPostProcessor, Ordered {

	static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

	/** Set by this switch, not by hand: whether the events go to Kafka. */
	static final String ENABLED = "flowhub.events.kafka.enabled";

	static final List<String> KAFKA_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
			"org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration");

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean on = environment.getPropertySources()
			.stream()
			.map(source -> source.getProperty(BOOTSTRAP_SERVERS))
			.filter(Objects::nonNull)
			.findFirst()
			.filter(value -> StringUtils.hasText(value.toString()))
			.isPresent();
		if (on) {
			environment.getPropertySources().addFirst(new MapPropertySource("flowhubKafkaSwitch", Map.of(ENABLED, "true")));
			return;
		}
		Set<String> excluded = new LinkedHashSet<>(
				StringUtils.commaDelimitedListToSet(environment.getProperty(EXCLUDE, "")));
		excluded.removeIf(name -> !StringUtils.hasText(name));
		excluded.addAll(KAFKA_AUTO_CONFIGURATIONS);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("flowhubKafkaSwitch",
					Map.of(EXCLUDE, String.join(",", excluded), ENABLED, "false")));
	}
}

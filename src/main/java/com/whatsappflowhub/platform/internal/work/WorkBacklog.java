package com.whatsappflowhub.platform.internal.work;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The backlog of every stage and connector across all replicas and tenants (counts only), read every few seconds:
 * exported as {@code flowhub_work_backlog{stage,status}} and {@code flowhub_work_oldest_seconds{stage}}, and as
 * the details of the {@code work} health component (never DOWN for a backlog: the webhook keeps accepting).
 */
@Component("work")
@EnableConfigurationProperties(WorkSettings.class)
class WorkBacklog implements HealthIndicator {

	private final WorkItems items;

	private final Consumers consumers;

	private final MeterRegistry meters;

	private volatile List<WorkItems.Backlog> last = List.of();

	WorkBacklog(WorkItems items, Consumers consumers, MeterRegistry meters) {
		this.items = items;
		this.consumers = consumers;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${flowhub.work.backlog-interval:5s}", initialDelay = 1000)
	void refresh() {
		last = items.backlog();
		for (Consumer consumer : consumers.all()) {
			for (String status : List.of("PENDING", "FAILED")) {
				Gauge.builder("flowhub.work.backlog", this, backlog -> backlog.count(consumer.name(), status))
					.description("Work items waiting (PENDING) or dead-lettered (FAILED), per stage, all replicas")
					.tag("stage", consumer.name())
					.tag("status", status)
					.register(meters);
			}
			Gauge.builder("flowhub.work.oldest", this, backlog -> backlog.oldestSeconds(consumer.name()))
				.description("Age of the oldest pending work item of the stage")
				.tag("stage", consumer.name())
				.baseUnit("seconds")
				.register(meters);
		}
	}

	double count(String stage, String status) {
		return last.stream()
			.filter(b -> b.stage().equals(stage) && b.status().equals(status))
			.mapToLong(WorkItems.Backlog::items)
			.sum();
	}

	double oldestSeconds(String stage) {
		return last.stream()
			.filter(b -> b.stage().equals(stage) && b.status().equals("PENDING") && b.oldest() != null)
			.mapToDouble(b -> Duration.between(b.oldest(), Instant.now()).toMillis() / 1000.0)
			.max()
			.orElse(0);
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		for (Consumer consumer : consumers.all()) {
			details.put(consumer.name(), Map.of("pending", (long) count(consumer.name(), "PENDING"), "deadLetters",
					(long) count(consumer.name(), "FAILED"), "oldestPendingSeconds", oldestSeconds(consumer.name())));
		}
		return Health.up().withDetails(details).build();
	}
}

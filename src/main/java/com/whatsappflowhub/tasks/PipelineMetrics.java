package com.whatsappflowhub.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The seed's pipeline metrics that end at the task: {@code message_processing_duration_seconds} (webhook to task),
 * {@code messages_processed_total{status}} and {@code tasks_extracted_total{priority,confidence_range}}.
 */
@Component
class PipelineMetrics {

	private final MeterRegistry meters;

	private final Clock clock;

	private final Timer latency;

	PipelineMetrics(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
		this.latency = Timer.builder("message.processing.duration")
			.description("From the webhook storing a message to its tasks being created")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(5))
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(meters);
	}

	void processed(@Nullable Instant receivedAt, List<TaskView> created) {
		if (created.isEmpty()) {
			processed("no_task");
			return;
		}
		processed("tasks_created");
		if (receivedAt != null) {
			latency.record(Duration.between(receivedAt, clock.instant()));
		}
		for (TaskView task : created) {
			Counter.builder("tasks.extracted")
				.description("Tasks the AI made from messages")
				.tag("priority", task.priority().code())
				.tag("confidence_range", range(task.confidence() == null ? 0 : task.confidence()))
				.register(meters)
				.increment();
		}
	}

	void processed(String status) {
		Counter.builder("messages.processed")
			.description("Messages through the pipeline's intake, by outcome")
			.tag("status", status)
			.register(meters)
			.increment();
	}

	private static String range(double confidence) {
		if (confidence >= 0.9) {
			return "0.9-1.0";
		}
		if (confidence >= 0.7) {
			return "0.7-0.9";
		}
		return confidence >= 0.5 ? "0.5-0.7" : "0.0-0.5";
	}
}

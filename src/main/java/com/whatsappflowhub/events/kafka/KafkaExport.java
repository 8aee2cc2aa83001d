package com.whatsappflowhub.events.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.platform.TenantScoped;
import com.whatsappflowhub.platform.WorkDeadLettered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one kind of event to Kafka as a delivery of the platform's work queue: the item is recorded in the
 * transaction that published the event, so an event whose transaction committed is sent at least once whatever
 * dies afterwards (a replica killed before or during the send leaves the item leased; when the lease ends another
 * replica sends it again, with the same {@code ce_id}). Topic, key, payload and headers come from Modulith's
 * {@link EventExternalizationConfiguration}; the producer is idempotent with {@code acks=all}, so the broker
 * drops the producer's own retries, and a replica's resend after a crash is what consumers deduplicate on
 * {@code ce_id}.
 */
class KafkaExport<E extends TenantScoped> implements Delivery<E> {

	private final Export<E> export;

	private final Spec<E> spec;

	private final EventExternalizationConfiguration externalization;

	private final KafkaOperations<String, String> kafka;

	private final JsonMapper json;

	private final Duration sendTimeout;

	KafkaExport(Export<E> export, EventExternalizationConfiguration externalization,
			KafkaOperations<String, String> kafka, JsonMapper json, Duration sendTimeout) {
		this.export = export;
		this.externalization = externalization;
		this.kafka = kafka;
		this.json = json;
		this.sendTimeout = sendTimeout;
		// the lease outlasts the slowest send (the producer gives up after its delivery timeout, below the send timeout)
		this.spec = new Spec<>(export.deliveryName(), export.type(), export.workers(), export.workers(), 30,
				Duration.ofSeconds(1), Duration.ofMinutes(2), sendTimeout.plusSeconds(10));
	}

	@Override
	public Spec<E> spec() {
		return spec;
	}

	@Override
	public boolean wants(E event) {
		// a dead letter of this very delivery is not announced through itself (it would only fail the same way)
		return !(event instanceof WorkDeadLettered dead && dead.stage().equals(export.deliveryName()));
	}

	/** One pending send per event: the same occurrence published twice is sent once while the first is pending. */
	@Override
	public String key(E event) {
		return export.id(event).toString();
	}

	@Override
	public String destination(E event) {
		return "kafka:" + export.topic();
	}

	@Override
	public Outcome deliver(E event, int attempt) {
		RoutingTarget target = externalization.determineTarget(event);
		ProducerRecord<String, String> record = new ProducerRecord<>(target.getTarget(), target.getKey(),
				json.writeValueAsString(externalization.map(event)));
		externalization.getHeadersFor(event)
			.forEach((name, value) -> record.headers().add(name, value.toString().getBytes(StandardCharsets.UTF_8)));
		try {
			kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
			return Outcome.DONE;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.retry("interrupted");
		}
		catch (ExecutionException ex) {
			return Outcome.retry("Kafka: " + (ex.getCause() == null ? ex : ex.getCause()));
		}
		catch (TimeoutException ex) {
			return Outcome.retry("Kafka: no acknowledgement within " + sendTimeout);
		}
	}
}

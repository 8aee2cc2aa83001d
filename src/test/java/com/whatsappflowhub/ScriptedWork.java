package com.whatsappflowhub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.platform.Stage;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;

/**
 * A stage and a delivery connector whose behaviour a test scripts per marker: fail the first N attempts, answer with a
 * given outcome, or hang until released. For the work-queue and delivery-engine tests.
 */
@TestComponent
public class ScriptedWork {

	public record Job(TenantId tenantId, String marker) implements TenantScoped {
	}

	public record Call(TenantId tenantId, String destination, String marker) implements TenantScoped {
	}

	/** How many attempts of a marker fail before it succeeds (absent: none; a large number: always). */
	public final Map<String, Integer> failures = new ConcurrentHashMap<>();

	public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	public final Map<String, Integer> handled = new ConcurrentHashMap<>();

	/** Outcomes a delivery's marker answers with, in turn (the last one repeats). */
	public final Map<String, List<Delivery.Outcome>> outcomes = new ConcurrentHashMap<>();

	/** Calls to a destination in this map wait on its latch. */
	public final Map<String, CountDownLatch> hanging = new ConcurrentHashMap<>();

	public final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	public final Map<String, Integer> maxInFlight = new ConcurrentHashMap<>();

	public int attemptsOf(String marker) {
		AtomicInteger n = attempts.get(marker);
		return n == null ? 0 : n.get();
	}

	@Bean
	Stage<Job> scriptedStage() {
		return new Stage<>() {

			@Override
			public Spec<Job> spec() {
				return new Spec<>("test.scripted", Job.class, 8, 1, 3, Duration.ofSeconds(30));
			}

			@Override
			public void handle(List<Job> jobs) {
				for (Job job : jobs) {
					int attempt = attempts.computeIfAbsent(job.marker(), m -> new AtomicInteger()).incrementAndGet();
					if (attempt <= failures.getOrDefault(job.marker(), 0)) {
						throw new IllegalStateException("scripted failure " + attempt + " of " + job.marker());
					}
				}
				jobs.forEach(job -> handled.merge(job.marker(), 1, Integer::sum));
			}
		};
	}

	@Bean
	Delivery<Call> scriptedDelivery() {
		return new Delivery<>() {

			@Override
			public Spec<Call> spec() {
				return new Spec<>("test.far-end", Call.class, 6, 2, 3, Duration.ofMillis(100), Duration.ofMillis(400),
						Duration.ofMinutes(1));
			}

			@Override
			public String destination(Call call) {
				return call.destination();
			}

			@Override
			public Outcome deliver(Call call, int attempt) {
				attempts.computeIfAbsent(call.marker(), m -> new AtomicInteger()).incrementAndGet();
				int now = inFlight.computeIfAbsent(call.destination(), d -> new AtomicInteger()).incrementAndGet();
				maxInFlight.merge(call.destination(), now, Math::max);
				try {
					CountDownLatch latch = hanging.get(call.destination());
					if (latch != null) {
						latch.await(30, TimeUnit.SECONDS);
					}
					List<Outcome> script = outcomes.getOrDefault(call.marker(), List.of(Outcome.DONE));
					Outcome outcome = script.get(Math.min(attempt, script.size()) - 1);
					if (outcome instanceof Outcome.Done) {
						handled.merge(call.marker(), 1, Integer::sum);
					}
					return outcome;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return Outcome.retry("interrupted");
				}
				finally {
					inFlight.get(call.destination()).decrementAndGet();
				}
			}
		};
	}
}

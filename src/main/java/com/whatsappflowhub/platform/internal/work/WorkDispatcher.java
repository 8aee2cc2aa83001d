package com.whatsappflowhub.platform.internal.work;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import com.whatsappflowhub.platform.WorkDeadLettered;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workers: each stage and each delivery connector gets its own bounded set of threads on every replica (so a
 * slow far end can hold only its connector's threads, and ingest keeps the request threads). A worker claims due
 * items, handles them in their tenant, and completes, reschedules or dead-letters each. Idle workers wait for a
 * local wake-up or poll every {@code flowhub.work.poll-interval}, which also finds work other replicas recorded and
 * leases that ended with a crashed worker.
 */
@Component
class WorkDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WorkDispatcher.class);

	/** The most deliveries one claim takes for this replica's lane. */
	private static final int CLAIM_FOR_LANE = 16;

	private final Consumers consumers;

	private final WorkItems items;

	private final Signals signals;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final WorkSettings settings;

	private final CircuitBreakerRegistry breakers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Handoff handoff;

	private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	WorkDispatcher(Consumers consumers, WorkItems items, Signals signals, JsonMapper json,
			PlatformTransactionManager transactionManager, MeterRegistry meters, WorkSettings settings,
			ApplicationEventPublisher events, Clock clock, Handoff handoff) {
		this.handoff = handoff;
		this.events = events;
		this.clock = clock;
		this.consumers = consumers;
		this.items = items;
		this.signals = signals;
		this.json = json;
		this.transactions = new TransactionTemplate(transactionManager);
		this.meters = meters;
		this.settings = settings;
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(settings.breakerOpenFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.build());
	}

	@Override
	public synchronized void start() {
		if (running || !settings.enabled()) {
			return;
		}
		running = true;
		handoff.open(consumers.all());
		for (Consumer consumer : consumers.all()) {
			if (consumer instanceof Consumer.OfDelivery) {
				// exported from the start (zero) for the kind the connector is named after; others on their first call
				String kind = consumer.name().contains(".") ? consumer.name().substring(0, consumer.name().indexOf('.'))
						: consumer.name();
				List.of("transient", "permanent", "circuit_open").forEach(type -> failures(kind, type));
			}
			for (int i = 0; i < consumer.workers(); i++) {
				Thread thread = new Thread(() -> work(consumer), "work-" + consumer.name() + "-" + i);
				thread.setDaemon(true);
				threads.add(thread);
				thread.start();
			}
		}
		log.info("Started {} workers for {}", threads.size(),
				consumers.all().stream().map(Consumer::name).collect(Collectors.joining(", ")));
	}

	@Override
	public synchronized void stop() {
		running = false;
		List<Handoff.Local> left = handoff.close();
		threads.forEach(Thread::interrupt);
		for (Thread thread : threads) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		threads.clear();
		giveBack(left);
	}

	/** Work handed over here and not begun is due again at once, for the replicas that go on (or this one's restart). */
	private void giveBack(List<Handoff.Local> left) {
		try {
			byTenant(left.stream().map(Handoff.Local::item).toList()).forEach((tenant, batch) -> TenantContext.runAs(tenant,
					() -> transactions.executeWithoutResult(
							status -> items.giveBack(tenant, batch.stream().map(WorkItems.Claimed::id).toList()))));
		}
		catch (RuntimeException ex) {
			log.warn("Could not give back {} items handed over here; their leases end by themselves: {}", left.size(),
					ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void work(Consumer consumer) {
		long nextClaim = 0;
		while (running) {
			try {
				int worked = consumer instanceof Consumer.OfStage stage ? runLocal(stage)
						: runLocal((Consumer.OfDelivery) consumer);
				int claimed = 0;
				// work recorded elsewhere (other replicas, ended leases, retries, a full hand-over) is claimed from the
				// table when nothing was handed over here, and at least every poll interval while there is
				if (worked == 0 || System.nanoTime() - nextClaim > 0) {
					claimed = consumer instanceof Consumer.OfStage stage ? runStage(stage)
							: runDelivery((Consumer.OfDelivery) consumer);
					nextClaim = System.nanoTime() + settings.pollInterval().toNanos();
				}
				if (worked + claimed < consumer.batchSize()) {
					signals.await(consumer.name(), jittered(settings.pollInterval()));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!running) {
					return;
				}
				log.warn("Worker of {} failed ({}); retrying after a pause", consumer.name(), ex.toString());
				try {
					Thread.sleep(settings.pollInterval().toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * The poll interval give or take a quarter: the workers all start together, and without it every idle worker of
	 * every stage would query the table in the same millisecond each interval, in step with the others.
	 */
	static Duration jittered(Duration interval) {
		long millis = interval.toMillis();
		return Duration.ofMillis(millis * 3 / 4 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
	}

	// --- stages ---

	private int runStage(Consumer.OfStage stage) {
		return handleByTenant(stage, items.claim(stage.name(), stage.batchSize(), stage.lease(), List.of()));
	}

	/** Each tenant's items as one batch, in that tenant. */
	private int handleByTenant(Consumer.OfStage stage, List<WorkItems.Claimed> batch) {
		byTenant(batch).forEach((tenant, own) -> TenantContext.runAs(tenant, () -> handleBatch(stage, own)));
		return batch.size();
	}

	private static Map<TenantId, List<WorkItems.Claimed>> byTenant(List<WorkItems.Claimed> items) {
		Map<TenantId, List<WorkItems.Claimed>> byTenant = new LinkedHashMap<>();
		items.forEach(item -> byTenant.computeIfAbsent(item.tenant(), t -> new ArrayList<>()).add(item));
		return byTenant;
	}

	/** Items this replica recorded and leased to itself ({@link Handoff}): no claim needed. */
	private int runLocal(Consumer.OfStage stage) {
		return handleByTenant(stage, fresh(stage, handoff.take(stage.name(), stage.batchSize(), any -> true)));
	}

	/**
	 * The handed-over items still safely this replica's: one that waited here past half its lease is left to the
	 * table (the lease ends and a claim finds it), so that two workers never hold it at once.
	 */
	private List<WorkItems.Claimed> fresh(Consumer consumer, List<Handoff.Local> taken) {
		long limit = WorkRouter.handoffLease(consumer).toNanos() / 2;
		long now = System.nanoTime();
		List<WorkItems.Claimed> fresh = new ArrayList<>(taken.size());
		for (Handoff.Local local : taken) {
			if (now - local.since() < limit) {
				fresh.add(local.item());
			}
			else {
				counter(consumer.name(), "handover_expired").increment();
			}
		}
		return fresh;
	}

	private void handleBatch(Consumer.OfStage stage, List<WorkItems.Claimed> batch) {
		List<Decoded> decoded = decode(stage, batch);
		if (decoded.isEmpty()) {
			return;
		}
		try {
			transactions.executeWithoutResult(status -> {
				stage.handle(decoded.stream().map(Decoded::event).toList());
				if (items.complete(decoded.stream().map(d -> d.item().id()).toList()) != decoded.size()) {
					throw new NotHeld();
				}
			});
			counter(stage.name(), "done").increment(decoded.size());
		}
		catch (NotHeld gone) {
			if (decoded.size() > 1) {
				decoded.forEach(one -> handleBatch(stage, List.of(one.item())));
			}
			// one item that is no longer in the table: another worker finished it (or it was never committed),
			// and what this attempt did is rolled back with it
		}
		catch (RuntimeException ex) {
			if (decoded.size() == 1) {
				failed(stage, decoded.get(0), ex.toString(), stage.retryDelay(decoded.get(0).item().attempts()), false);
			}
			else {
				decoded.forEach(one -> handleBatch(stage, List.of(one.item()))); // find the one that fails
			}
		}
	}

	// --- deliveries ---

	/**
	 * Claims due deliveries for this replica's lane, as many as it has room for (up to 16), with the short lease of
	 * work handed over: the connector's workers take them from there, each when its destination has a free slot, so a
	 * hanging far end holds only its own items and a batch claim serves many calls.
	 */
	private int runDelivery(Consumer.OfDelivery connector) {
		int room = Math.min(handoff.room(connector.name()), CLAIM_FOR_LANE);
		if (room == 0) {
			return 0; // the lane is full: its workers have enough here
		}
		List<WorkItems.Claimed> claimed = items.claim(connector.name(), room, WorkRouter.handoffLease(connector),
				busyDestinations(connector));
		if (!claimed.isEmpty()) {
			handoff.put(connector.name(), claimed);
			for (int i = 1; i < claimed.size(); i++) {
				signals.wake(connector.name());
			}
		}
		return claimed.size();
	}

	/**
	 * A delivery this replica recorded and leased to itself for a short while: its lease becomes the connector's own
	 * before the call (false: it is no longer this replica's, so it is left alone).
	 */
	private int runLocal(Consumer.OfDelivery connector) {
		Set<String> busy = busyDestinations(connector);
		List<WorkItems.Claimed> fresh = fresh(connector,
				handoff.take(connector.name(), 1, destination -> !busy.contains(slotName(destination))));
		for (WorkItems.Claimed item : fresh) {
			TenantContext.runAs(item.tenant(), () -> {
				boolean held = connector.lease().compareTo(WorkRouter.handoffLease(connector)) <= 0
						|| Boolean.TRUE.equals(transactions.execute(status -> items.extend(item.id(), connector.lease())));
				if (held) {
					deliver(connector, item);
				}
			});
		}
		return fresh.size();
	}

	private Set<String> busyDestinations(Consumer.OfDelivery connector) {
		Set<String> busy = new java.util.HashSet<>();
		String prefix = connector.name() + "|";
		slots.forEach((key, semaphore) -> {
			if (key.startsWith(prefix) && semaphore.availablePermits() == 0) {
				busy.add(key.substring(prefix.length()));
			}
		});
		breakers.getAllCircuitBreakers().forEach(breaker -> {
			if (breaker.getName().startsWith(prefix) && breaker.getState() == CircuitBreaker.State.OPEN) {
				busy.add(breaker.getName().substring(prefix.length()));
			}
		});
		return busy;
	}

	private void deliver(Consumer.OfDelivery connector, WorkItems.Claimed item) {
		List<Decoded> decoded = decode(connector, List.of(item));
		if (decoded.isEmpty()) {
			return;
		}
		Decoded one = decoded.get(0);
		String destination = slotName(item.destination());
		String name = connector.name() + "|" + destination;
		Semaphore slot = slots.computeIfAbsent(name, n -> new Semaphore(connector.spec().perDestination()));
		if (!slot.tryAcquire()) {
			transactions.executeWithoutResult(status -> items.release(item.id(), Duration.ofMillis(200)));
			return;
		}
		try {
			CircuitBreaker breaker = breakers.circuitBreaker(name);
			if (!breaker.tryAcquirePermission()) {
				transactions.executeWithoutResult(status -> items.release(item.id(), settings.breakerOpenFor()));
				failure(integrationType(destination), "circuit_open");
				return;
			}
			long start = System.nanoTime();
			Delivery.Outcome outcome;
			try {
				outcome = connector.deliver(one.event(), item.attempts());
			}
			catch (RuntimeException ex) {
				outcome = Delivery.Outcome.retry(ex.toString());
			}
			long took = System.nanoTime() - start;
			if (outcome instanceof Delivery.Outcome.Retry) {
				breaker.onError(took, java.util.concurrent.TimeUnit.NANOSECONDS, new FarEndTrouble());
			}
			else {
				breaker.onSuccess(took, java.util.concurrent.TimeUnit.NANOSECONDS);
			}
			Timer.builder("integration.sync.duration")
				.description("Time of one call to an external system by the delivery engine")
				.tag("integration_type", integrationType(destination))
				.tag("outcome", outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
				.publishPercentileHistogram()
				.register(meters)
				.record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
			settle(connector, one, outcome);
		}
		finally {
			slot.release();
		}
	}

	private void settle(Consumer.OfDelivery connector, Decoded one, Delivery.Outcome outcome) {
		if (outcome instanceof Delivery.Outcome.Done) {
			transactions.executeWithoutResult(status -> items.complete(List.of(one.item().id())));
			counter(connector.name(), "done").increment();
		}
		else if (outcome instanceof Delivery.Outcome.Retry retry) {
			failure(integrationType(one.item().destination()), "transient");
			Duration delay = retry.after() != null ? retry.after() : connector.retryDelay(one.item().attempts());
			failed(connector, one, retry.reason(), delay, false);
		}
		else if (outcome instanceof Delivery.Outcome.Failed failed) {
			failure(integrationType(one.item().destination()), "permanent");
			failed(connector, one, failed.reason(), Duration.ZERO, true);
		}
	}

	/** A destination as the slots and breakers name it ({@code -}: none). */
	private static String slotName(@Nullable String destination) {
		return destination == null ? "-" : destination;
	}

	// --- shared ---

	private record Decoded(WorkItems.Claimed item, TenantScoped event) {
	}

	private List<Decoded> decode(Consumer consumer, List<WorkItems.Claimed> batch) {
		List<Decoded> decoded = new ArrayList<>(batch.size());
		for (WorkItems.Claimed item : batch) {
			try {
				decoded.add(new Decoded(item, (TenantScoped) json.readValue(item.payload(), consumer.type())));
			}
			catch (RuntimeException ex) {
				log.error("Work item {} of {} cannot be read: {}", item.id(), consumer.name(), ex.toString());
				transactions.executeWithoutResult(
						status -> items.failed(item.id(), "unreadable payload: " + ex, Duration.ZERO, true));
				counter(consumer.name(), "dead").increment();
			}
		}
		return decoded;
	}

	private void failed(Consumer consumer, Decoded one, String error, Duration delay, boolean permanent) {
		boolean dead = permanent || one.item().attempts() >= consumer.maxAttempts();
		transactions.executeWithoutResult(status -> {
			items.failed(one.item().id(), error, delay, dead);
			if (dead) {
				consumer.deadLettered(one.event(), error);
				events.publishEvent(new WorkDeadLettered(one.event().tenantId(),
						one.item().id(), consumer.name(), one.item().key(), one.item().payloadType(),
						one.item().attempts(), error, clock.instant()));
			}
		});
		if (dead) {
			log.warn("{} item {} is a dead letter after {} attempts: {}", consumer.name(), one.item().id(),
					one.item().attempts(), error);
			counter(consumer.name(), "dead").increment();
		}
		else {
			log.debug("{} item {} failed (attempt {}), again in {}: {}", consumer.name(), one.item().id(),
					one.item().attempts(), delay, error);
			counter(consumer.name(), "retried").increment();
		}
	}

	private Counter counter(String stage, String outcome) {
		return Counter.builder("flowhub.work.items")
			.description("Work items of the pipeline's stages and deliveries, by what became of them")
			.tag("stage", stage)
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * The metrics' {@code integration_type}: the far end's kind, the part of the destination before {@code :}
	 * ({@code jira:<connection>} → {@code jira}), so that one label value stands for one kind of system.
	 */
	static String integrationType(@Nullable String destination) {
		if (destination == null || destination.isBlank()) {
			return "unknown";
		}
		int colon = destination.indexOf(':');
		return colon > 0 ? destination.substring(0, colon) : destination;
	}

	private void failure(String connector, String errorType) {
		failures(connector, errorType).increment();
	}

	private Counter failures(String connector, String errorType) {
		return Counter.builder("integration.sync.failures")
			.description("Failed calls to external systems by the delivery engine")
			.tag("integration_type", connector)
			.tag("error_type", errorType)
			.register(meters);
	}

	/** A batch's items were no longer all in the table when it completed: its effects are rolled back. */
	private static final class NotHeld extends RuntimeException {

		NotHeld() {
			super(null, null, false, false);
		}
	}

	/** What the breaker counts for a call that asked to be retried. */
	private static final class FarEndTrouble extends RuntimeException {

		FarEndTrouble() {
			super(null, null, false, false);
		}
	}

}

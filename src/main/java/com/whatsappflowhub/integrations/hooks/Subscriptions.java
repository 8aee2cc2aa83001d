package com.whatsappflowhub.integrations.hooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.whatsappflowhub.platform.TenantId;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which enabled endpoints of a tenant want which events, kept per tenant on this replica so that the fan-out costs a
 * map look-up for the many events of tenants without endpoints (the pipeline publishes several per message). A change
 * on this replica clears the tenant's entry when it commits; other replicas read again after {@code ttl}.
 */
class Subscriptions {

	record Subscriber(WebhookEndpointId id, Set<WebhookEventType> events) {
	}

	private record Cached(List<Subscriber> subscribers, long untilNanos) {
	}

	private static final int MAX_TENANTS = 10_000;

	private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

	/** Moves on with every change, so a read that began before one never stores what it read. */
	private final AtomicLong generation = new AtomicLong();

	private final Function<TenantId, List<Subscriber>> loader;

	private final long ttlNanos;

	Subscriptions(Function<TenantId, List<Subscriber>> loader, Duration ttl) {
		this.loader = loader;
		this.ttlNanos = ttl.toNanos();
	}

	/** The endpoints of the tenant that want this event now (a database read at most once per {@code ttl}). */
	List<WebhookEndpointId> of(TenantId tenant, WebhookEventType type) {
		long now = System.nanoTime();
		Cached cached = cache.get(tenant);
		if (cached == null || now - cached.untilNanos() >= 0) {
			long seen = generation.get();
			cached = new Cached(List.copyOf(loader.apply(tenant)), now + ttlNanos);
			if (generation.get() == seen) {
				if (cache.size() >= MAX_TENANTS) {
					cache.clear();
				}
				cache.put(tenant, cached);
			}
		}
		return cached.subscribers()
			.stream()
			.filter(subscriber -> subscriber.events().contains(type))
			.map(Subscriber::id)
			.toList();
	}

	/** The tenant's endpoints changed: forget them now and again when the change commits. */
	void changed(TenantId tenant) {
		forget(tenant);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					forget(tenant);
				}
			});
		}
	}

	private void forget(TenantId tenant) {
		generation.incrementAndGet();
		cache.remove(tenant);
	}
}

package com.whatsappflowhub.whatsapp.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.Delivery;
import com.whatsappflowhub.whatsapp.DeliveryItem;
import com.whatsappflowhub.whatsapp.InboundMessage;
import com.whatsappflowhub.whatsapp.MessageContent;
import com.whatsappflowhub.whatsapp.OtherEvent;
import com.whatsappflowhub.whatsapp.StatusUpdate;
import com.whatsappflowhub.whatsapp.media.MediaJobs;
import com.whatsappflowhub.whatsapp.media.MediaWorker;
import com.whatsappflowhub.whatsapp.number.NumberRouting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a verified, parsed delivery: items are routed to their tenant by {@code phone_number_id} (account and
 * template events by business account id), and each tenant's items are stored in one transaction of that tenant
 * together with the raw delivery. Every item is deduplicated (messages by wamid, statuses and events by their dedupe
 * key), so a retried delivery stores and publishes nothing new. Items for unknown numbers are kept as unroutable.
 * Returns only after every transaction committed: the caller answers 200 then.
 */
@Component
class DeliveryIngest {

	private static final int ATTEMPTS = 3;

	private final NumberRouting routing;

	private final Inbox inbox;

	private final MediaJobs mediaJobs;

	private final MediaWorker mediaWorker;

	private final Quarantine quarantine;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final Counter unroutableItems;

	private final Counter droppedItems;

	DeliveryIngest(NumberRouting routing, Inbox inbox, MediaJobs mediaJobs, MediaWorker mediaWorker,
			Quarantine quarantine, JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json,
			Clock clock, MeterRegistry meters) {
		this.routing = routing;
		this.inbox = inbox;
		this.mediaJobs = mediaJobs;
		this.mediaWorker = mediaWorker;
		this.quarantine = quarantine;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
		this.clock = clock;
		this.unroutableItems = Counter.builder("whatsapp.webhook.unroutable.items")
			.description("Delivered items for a phone number or business account no tenant registered")
			.register(meters);
		this.droppedItems = Counter.builder("whatsapp.webhook.unroutable.dropped")
			.description("Unroutable items not kept because their number had too many parked already")
			.register(meters);
	}

	/** What a delivery brought: items stored now, and items kept as unroutable. */
	record Outcome(int stored, int unroutable) {
	}

	/**
	 * @param signedFor the numbers whose own app secret verified the delivery (items for any other number are kept as
	 *     unroutable: one tenant's app cannot speak for another's number), or {@code null} when the platform's app
	 *     signed it (then it speaks for every number)
	 * @param signature the header, kept with parked items so a number registered later can check it with its own secret
	 */
	Outcome ingest(byte[] body, Delivery delivery, @Nullable Set<UUID> signedFor, @Nullable String signature) {
		Instant now = clock.instant();
		Map<TenantId, List<Routed>> byTenant = new LinkedHashMap<>();
		List<Quarantine.Unroutable> unroutable = new ArrayList<>();
		for (DeliveryItem item : delivery.items()) {
			String phone = item.route().phoneNumberId();
			Optional<NumberRouting.Route> route = phone != null ? routing.byPhoneNumberId(phone)
					: routing.byBusinessAccountId(item.route().businessAccountId());
			String reason = route.isEmpty() ? (phone != null ? "unknown phone_number_id" : "unknown business account")
					: signedFor != null && !signedFor.contains(route.get().numberId()) ? "signed by another app" : null;
			if (reason != null) {
				unroutable.add(new Quarantine.Unroutable(UUID.randomUUID(), now, item.route().businessAccountId(), phone,
						item.route().field(), reason, item.rawJson()));
				continue;
			}
			byTenant.computeIfAbsent(route.get().tenantId(), t -> new ArrayList<>()).add(new Routed(item, route.get()));
		}
		int stored = 0;
		for (Map.Entry<TenantId, List<Routed>> group : byTenant.entrySet()) {
			stored += store(group.getKey(), group.getValue(), body, now);
		}
		if (!unroutable.isEmpty()) {
			int parked = quarantine.unroutable(body, unroutable, now, signedFor == null, signature);
			unroutableItems.increment(unroutable.size());
			droppedItems.increment(unroutable.size() - parked);
		}
		return new Outcome(stored, unroutable.size());
	}

	private record Routed(DeliveryItem item, NumberRouting.Route route) {
	}

	private int store(TenantId tenant, List<Routed> items, byte[] body, Instant now) {
		return TenantContext.callAs(tenant, () -> {
			for (int attempt = 1;; attempt++) {
				try {
					Integer stored = transactions.execute(status -> storeInTransaction(tenant, items, body, now));
					return stored == null ? 0 : stored;
				}
				catch (ConcurrencyFailureException ex) {
					if (attempt >= ATTEMPTS) {
						throw ex; // 500: Meta delivers again, and what was stored is deduplicated
					}
				}
			}
		});
	}

	private int storeInTransaction(TenantId tenant, List<Routed> items, byte[] body, Instant now) {
		// the 200 promises Meta that the delivery is stored: this commit waits for its WAL whatever the server's
		// default (the embedded server starts with synchronous_commit=off)
		jdbc.sql("SET LOCAL synchronous_commit = on").update();
		UUID deliveryId = UUID.randomUUID();
		int stored = 0;
		boolean media = false;
		for (Routed routed : items) {
			DeliveryItem item = routed.item();
			if (item instanceof InboundMessage message) {
				Optional<Inbox.Received> received = inbox.receive(InboxMapping.incoming(message, now, json));
				if (received.isPresent()) {
					stored++;
					if (message.content() instanceof MessageContent.WithMedia withMedia) {
						mediaJobs.enqueue(tenant, received.get().messageId(), routed.route().numberId(),
								withMedia.media().mediaId(), now);
						media = true;
					}
				}
			}
			else if (item instanceof StatusUpdate status) {
				if (inbox.applyStatus(InboxMapping.report(status), InboxMapping.STATUS_RULE)) {
					stored++;
				}
			}
			else if (item instanceof OtherEvent event) {
				stored += jdbc.sql("""
						INSERT INTO whatsapp_event (tenant_id, delivery_id, field, event_type, business_account_id,
						  phone_number_id, dedupe_key, raw, received_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, dedupe_key) DO NOTHING""")
					.params(tenant.value(), deliveryId, event.field(), event.eventType(),
							event.route().businessAccountId(), event.route().phoneNumberId(), event.dedupeKey(),
							event.rawJson(), Timestamp.from(now))
					.update();
			}
		}
		if (stored > 0) {
			jdbc.sql("INSERT INTO whatsapp_delivery (id, tenant_id, received_at, new_items, body) VALUES (?, ?, ?, ?, ?)")
				.params(deliveryId, tenant.value(), Timestamp.from(now), stored, body)
				.update();
		}
		if (media) {
			mediaWorker.wakeAfterCommit(tenant);
		}
		return stored;
	}
}

package com.whatsappflowhub.integrations.hooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fan-out's per-tenant cache: one read per tenant and period, and a change forgets at once. */
class SubscriptionsTest {

	final TenantId tenant = new TenantId(UUID.randomUUID());

	final WebhookEndpointId endpoint = new WebhookEndpointId(UUID.randomUUID());

	final AtomicInteger reads = new AtomicInteger();

	final List<Subscriptions.Subscriber> stored = new ArrayList<>();

	final Subscriptions subscriptions = new Subscriptions(t -> {
		reads.incrementAndGet();
		return List.copyOf(stored);
	}, Duration.ofMinutes(10));

	@Test
	void aTenantWithoutEndpointsIsReadOnceForManyEvents() {
		for (int i = 0; i < 1_000; i++) {
			assertThat(subscriptions.of(tenant, WebhookEventType.MESSAGE_RECEIVED)).isEmpty();
		}

		assertThat(reads).hasValue(1);
	}

	@Test
	void aChangeIsSeenAtTheNextEventAndOnlySubscribedTypesMatch() {
		assertThat(subscriptions.of(tenant, WebhookEventType.TASK_CREATED)).isEmpty();
		stored.add(new Subscriptions.Subscriber(endpoint, EnumSet.of(WebhookEventType.TASK_CREATED)));

		subscriptions.changed(tenant);

		assertThat(subscriptions.of(tenant, WebhookEventType.TASK_CREATED)).containsExactly(endpoint);
		assertThat(subscriptions.of(tenant, WebhookEventType.TASK_UPDATED)).isEmpty();
		assertThat(reads).hasValue(2);
	}

	@Test
	void aReadThatAChangeOvertookIsNotKept() {
		AtomicReference<Subscriptions> self = new AtomicReference<>();
		AtomicBoolean first = new AtomicBoolean(true);
		Subscriptions racing = new Subscriptions(t -> {
			reads.incrementAndGet();
			List<Subscriptions.Subscriber> read = List.copyOf(stored);
			if (first.getAndSet(false)) {
				stored.add(new Subscriptions.Subscriber(endpoint, EnumSet.allOf(WebhookEventType.class)));
				self.get().changed(t); // an endpoint commits while this read is under way
			}
			return read;
		}, Duration.ofMinutes(10));
		self.set(racing);

		assertThat(racing.of(tenant, WebhookEventType.TASK_CREATED)).isEmpty();
		assertThat(racing.of(tenant, WebhookEventType.TASK_CREATED)).containsExactly(endpoint);
		assertThat(reads).hasValue(2);
	}
}

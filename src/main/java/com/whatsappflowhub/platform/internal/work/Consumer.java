package com.whatsappflowhub.platform.internal.work;

import java.time.Duration;
import java.util.List;

import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.platform.Stage;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/** A stage or a delivery connector, as the router and the workers see it. */
sealed interface Consumer {

	String name();

	Class<?> type();

	int workers();

	int batchSize();

	int maxAttempts();

	Duration lease();

	boolean wants(TenantScoped event);

	@Nullable String key(TenantScoped event);

	@Nullable String destination(TenantScoped event);

	void deadLettered(TenantScoped event, String error);

	/** Backoff before attempt {@code attempt + 1}: doubling, capped, with "equal jitter" (half fixed, half random). */
	static Duration backoff(Duration initial, Duration max, int attempt) {
		double exponential = initial.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
		double capped = Math.min(exponential, max.toMillis());
		return Duration.ofMillis((long) (capped / 2 + Math.random() * capped / 2));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	record OfStage(Stage stage) implements Consumer {

		@Override
		public String name() {
			return stage.spec().name();
		}

		@Override
		public Class<?> type() {
			return stage.spec().type();
		}

		@Override
		public int workers() {
			return stage.spec().workers();
		}

		@Override
		public int batchSize() {
			return stage.spec().batchSize();
		}

		@Override
		public int maxAttempts() {
			return stage.spec().maxAttempts();
		}

		@Override
		public Duration lease() {
			return stage.spec().lease();
		}

		@Override
		public boolean wants(TenantScoped event) {
			return stage.wants(event);
		}

		@Override
		public @Nullable String key(TenantScoped event) {
			return stage.key(event);
		}

		@Override
		public @Nullable String destination(TenantScoped event) {
			return null;
		}

		@Override
		public void deadLettered(TenantScoped event, String error) {
			stage.deadLettered(event, error);
		}

		void handle(List<TenantScoped> events) {
			stage.handle(events);
		}

		Duration retryDelay(int attempt) {
			return Consumer.backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), attempt);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	record OfDelivery(Delivery delivery) implements Consumer {

		Delivery.Spec<?> spec() {
			return delivery.spec();
		}

		@Override
		public String name() {
			return spec().name();
		}

		@Override
		public Class<?> type() {
			return spec().type();
		}

		@Override
		public int workers() {
			return spec().workers();
		}

		@Override
		public int batchSize() {
			return 1;
		}

		@Override
		public int maxAttempts() {
			return spec().maxAttempts();
		}

		@Override
		public Duration lease() {
			return spec().lease();
		}

		@Override
		public boolean wants(TenantScoped event) {
			return delivery.wants(event);
		}

		@Override
		public @Nullable String key(TenantScoped event) {
			return delivery.key(event);
		}

		@Override
		public String destination(TenantScoped event) {
			return delivery.destination(event);
		}

		@Override
		public void deadLettered(TenantScoped event, String error) {
			delivery.deadLettered(event, error);
		}

		Delivery.Outcome deliver(TenantScoped event, int attempt) {
			return delivery.deliver(event, attempt);
		}

		Duration retryDelay(int attempt) {
			return Consumer.backoff(spec().initialBackoff(), spec().maxBackoff(), attempt);
		}
	}
}

package com.whatsappflowhub.whatsapp.number;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which tenant a delivery belongs to: {@code phone_number_id} (or, for account and template events, the business
 * account id) to the tenant's number, with the numbers' own app secrets and verify tokens.
 *
 * <p>The map of every number is read in one audited cross-tenant call and kept in memory, so the webhook's hot path
 * writes no audit row per delivery. It is dropped when a number changes on this node, read again after
 * {@code routingRefresh}, and at most every few seconds when a delivery names a number it does not know (a number
 * registered on another replica).
 */
@Component
public class NumberRouting {

	private static final java.time.Duration MISS_REFRESH = java.time.Duration.ofSeconds(5);

	private final CrossTenant crossTenant;

	private final Numbers numbers;

	private final NumberSettings settings;

	private final Clock clock;

	private volatile @Nullable Snapshot snapshot;

	NumberRouting(CrossTenant crossTenant, Numbers numbers, NumberSettings settings, Clock clock) {
		this.crossTenant = crossTenant;
		this.numbers = numbers;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A number as the webhook needs it.
	 *
	 * @param appSecret the number's own Meta app secret, if it has one
	 */
	public record Route(TenantId tenantId, UUID numberId, String phoneNumberId, String businessAccountId,
			@Nullable String appSecret, @Nullable String verifyToken) {

		@Override
		public String toString() {
			return "Route[" + phoneNumberId + " -> " + tenantId + "]";
		}
	}

	private record Snapshot(Map<String, Route> byPhone, Map<String, Route> byAccount, List<Route> withSecret,
			List<String> verifyTokens, Instant loadedAt) {
	}

	public Optional<Route> byPhoneNumberId(String phoneNumberId) {
		Route route = current().byPhone().get(phoneNumberId);
		if (route == null && missRefresh()) {
			route = current().byPhone().get(phoneNumberId);
		}
		return Optional.ofNullable(route);
	}

	public Optional<Route> byBusinessAccountId(String businessAccountId) {
		Route route = current().byAccount().get(businessAccountId);
		if (route == null && missRefresh()) {
			route = current().byAccount().get(businessAccountId);
		}
		return Optional.ofNullable(route);
	}

	/** Numbers that bring their own Meta app. */
	public List<Route> withOwnAppSecret() {
		return current().withSecret();
	}

	/** The platform's verify token and every number's own. */
	public List<String> verifyTokens() {
		List<String> tokens = new java.util.ArrayList<>();
		tokens.add(settings.verifyToken());
		tokens.addAll(current().verifyTokens());
		return tokens;
	}

	/** Forget the map: a number was added, changed or removed. */
	public void invalidate() {
		snapshot = null;
	}

	/** The cluster signal another replica sends when it changed a number. */
	static final String SIGNAL = "numbers";

	@org.springframework.context.event.EventListener
	void on(com.whatsappflowhub.platform.ClusterSignal signal) {
		if (SIGNAL.equals(signal.topic())) {
			invalidate();
		}
	}

	private boolean missRefresh() {
		Snapshot current = snapshot;
		if (current != null && current.loadedAt().plus(MISS_REFRESH).isAfter(clock.instant())) {
			return false;
		}
		snapshot = null;
		return true;
	}

	private Snapshot current() {
		Snapshot current = snapshot;
		if (current != null && current.loadedAt().plus(settings.routingRefresh()).isAfter(clock.instant())) {
			return current;
		}
		synchronized (this) {
			current = snapshot;
			if (current != null && current.loadedAt().plus(settings.routingRefresh()).isAfter(clock.instant())) {
				return current;
			}
			current = load();
			snapshot = current;
			return current;
		}
	}

	private Snapshot load() {
		List<Route> routes = crossTenant.call("whatsapp-webhook-routing", "whatsapp-webhook", numbers::allRoutes);
		Map<String, Route> byPhone = new HashMap<>();
		Map<String, Route> byAccount = new HashMap<>();
		List<Route> withSecret = new java.util.ArrayList<>();
		List<String> tokens = new java.util.ArrayList<>();
		for (Route route : routes) {
			byPhone.put(route.phoneNumberId(), route);
			byAccount.putIfAbsent(route.businessAccountId(), route);
			if (route.appSecret() != null) {
				withSecret.add(route);
			}
			if (route.verifyToken() != null) {
				tokens.add(route.verifyToken());
			}
		}
		return new Snapshot(Map.copyOf(byPhone), Map.copyOf(byAccount), List.copyOf(withSecret), List.copyOf(tokens),
				clock.instant());
	}
}

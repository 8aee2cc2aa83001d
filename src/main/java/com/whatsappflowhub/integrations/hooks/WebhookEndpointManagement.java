package com.whatsappflowhub.integrations.hooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.platform.Secrets;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's webhook endpoints: register one (its signing secret made here, shown once), change, delete,
 * rotate the secret (the previous one keeps signing for the overlap), read the delivery log and replay a message.
 * The URL passes the SSRF rules on every change; every change is audited and clears the fan-out's cache.
 */
@Service
class WebhookEndpointManagement {

	static final int DESCRIPTION_MAX = 500;

	/** What the caller sends; {@code null} in a change leaves the field as it is. */
	record Fields(@Nullable String url, @Nullable List<String> events, @Nullable String description,
			@Nullable Boolean enabled) {
	}

	/** An endpoint with the secret that signs for it: the answer to a creation or a rotation only. */
	record WithSecret(WebhookEndpoint endpoint, SigningSecret secret) {
	}

	private final WebhookEndpoints endpoints;

	private final DeliveryLog log;

	private final TargetPolicy policy;

	private final Secrets secrets;

	private final Subscriptions subscriptions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final WebhookSettings settings;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	WebhookEndpointManagement(WebhookEndpoints endpoints, DeliveryLog log, TargetPolicy policy, Secrets secrets,
			Subscriptions subscriptions, AuditLog audit, ApplicationEventPublisher events, WebhookSettings settings,
			Clock clock) {
		this.endpoints = endpoints;
		this.log = log;
		this.policy = policy;
		this.secrets = secrets;
		this.subscriptions = subscriptions;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	WithSecret create(Fields fields) {
		if (fields.url() == null) {
			throw new InvalidWebhookEndpoint("url", "must not be blank");
		}
		if (fields.events() == null) {
			throw new InvalidWebhookEndpoint("events", "must name at least one event");
		}
		if (endpoints.count() >= settings.maxEndpoints()) {
			throw WebhookEndpointConflict.tooMany(settings.maxEndpoints());
		}
		Instant now = now();
		String description = description(fields.description());
		WebhookEndpoint endpoint = new WebhookEndpoint(new WebhookEndpointId(UUID.randomUUID()), url(fields.url()),
				events(fields.events()), description == null || description.isEmpty() ? null : description,
				fields.enabled() == null || fields.enabled(), null, null, now, now);
		SigningSecret secret = SigningSecret.generate(random);
		endpoints.insert(endpoint, secrets.seal(secret.utf8(), endpoint.id().secretContext()));
		audited("webhook-endpoint.created", endpoint, withoutQuery(endpoint.url()));
		return new WithSecret(endpoint, secret);
	}

	@Transactional(readOnly = true)
	List<WebhookEndpoint> endpoints() {
		return endpoints.findAll();
	}

	@Transactional(readOnly = true)
	WebhookEndpoint endpoint(WebhookEndpointId id) {
		return endpoints.findById(id).orElseThrow(() -> new WebhookEndpointNotFound(id));
	}

	@Transactional
	WebhookEndpoint change(WebhookEndpointId id, Fields fields) {
		WebhookEndpoint current = endpoint(id);
		WebhookEndpoint changed = current.change(fields.url() == null ? null : url(fields.url()),
				fields.events() == null ? null : events(fields.events()),
				fields.description() == null ? null : description(fields.description()), fields.enabled(), now());
		endpoints.update(changed);
		audited("webhook-endpoint.changed", changed, withoutQuery(changed.url()));
		return changed;
	}

	@Transactional
	void delete(WebhookEndpointId id) {
		WebhookEndpoint endpoint = endpoint(id);
		endpoints.delete(id);
		audited("webhook-endpoint.deleted", endpoint, null);
	}

	/** A new secret signs from now on; the one it replaces keeps signing too for the overlap (24 h by default). */
	@Transactional
	WithSecret rotateSecret(WebhookEndpointId id) {
		WebhookEndpoint endpoint = endpoint(id);
		WebhookEndpoints.SealedSecrets sealed = endpoints.secrets(id).orElseThrow(() -> new WebhookEndpointNotFound(id));
		SigningSecret secret = SigningSecret.generate(random);
		Instant now = now();
		Instant until = now.plus(settings.rotationOverlap());
		endpoints.rotate(id, secrets.seal(secret.utf8(), id.secretContext()), sealed.current(), until, now);
		audited("webhook-endpoint.secret-rotated", endpoint, "previous secret signs until " + until);
		return new WithSecret(endpoint(id), secret);
	}

	@Transactional(readOnly = true)
	List<DeliveryLog.Entry> deliveries(WebhookEndpointId id, int limit, @Nullable Long before) {
		endpoint(id);
		return log.page(id, limit, before);
	}

	/** The message again, as a new delivery: the same body and {@code webhook-id}, attempts of its own. */
	@Transactional
	DeliveryLog.Message replay(WebhookEndpointId id, long delivery) {
		WebhookEndpoint endpoint = endpoint(id);
		if (!endpoint.enabled()) {
			throw WebhookEndpointConflict.disabled(id);
		}
		DeliveryLog.Message original = log.find(id, delivery).orElseThrow(() -> new WebhookEndpointNotFound(id, delivery));
		WebhookEventType type = WebhookEventType.named(original.eventType())
			.orElseThrow(() -> new WebhookEndpointNotFound(id, delivery));
		long copy = log.add(id, original.messageId(), type, original.subject(), original.body(), original.id(), now())
			.orElseThrow(() -> WebhookEndpointConflict.disabled(id));
		TenantId tenant = TenantContext.require();
		events.publishEvent(new WebhookDeliveryRequested(tenant, copy, id.value()));
		audit.change(tenant, "webhook-endpoint.replayed", "webhook-endpoint:" + id, "delivery " + delivery);
		return log.find(copy).orElseThrow(() -> new WebhookEndpointNotFound(id, copy));
	}

	/** To the microsecond, as PostgreSQL keeps it: the answer to a change reads like the next read of it. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private String url(String url) {
		return policy.check(url).toString();
	}

	private static List<WebhookEventType> events(List<String> names) {
		if (names.isEmpty()) {
			throw new InvalidWebhookEndpoint("events", "must name at least one event");
		}
		LinkedHashSet<WebhookEventType> types = new LinkedHashSet<>();
		for (String name : names) {
			types.add(WebhookEventType.named(name == null ? "" : name.strip())
				.orElseThrow(() -> new InvalidWebhookEndpoint("events", "unknown event " + quoted(name)
						+ "; known: " + String.join(", ", known()))));
		}
		return List.copyOf(types);
	}

	/** Null: not given; empty: remove it; else the description, stripped. */
	private static @Nullable String description(@Nullable String description) {
		if (description == null || description.isBlank()) {
			return description == null ? null : "";
		}
		if (description.length() > DESCRIPTION_MAX) {
			throw new InvalidWebhookEndpoint("description", "at most " + DESCRIPTION_MAX + " characters");
		}
		return description.strip();
	}

	static List<String> known() {
		List<String> names = new ArrayList<>();
		for (WebhookEventType type : WebhookEventType.values()) {
			names.add(type.wireName());
		}
		return names;
	}

	private static String quoted(@Nullable String name) {
		if (name == null) {
			return "null";
		}
		return "'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'";
	}

	/** What the audit trail keeps of a URL: no query string, where some receivers put a token of their own. */
	private static String withoutQuery(String url) {
		int query = url.indexOf('?');
		return query < 0 ? url : url.substring(0, query) + "?…";
	}

	private void audited(String action, WebhookEndpoint endpoint, @Nullable String detail) {
		TenantId tenant = TenantContext.require();
		subscriptions.changed(tenant);
		audit.change(tenant, action, "webhook-endpoint:" + endpoint.id(), detail);
	}
}

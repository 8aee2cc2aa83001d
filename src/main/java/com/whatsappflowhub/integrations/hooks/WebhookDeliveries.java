package com.whatsappflowhub.integrations.hooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.platform.Secrets;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the messages of the delivery log on the platform's delivery engine ({@code integrations.webhook}; a breaker
 * and concurrency per endpoint, {@code webhook:<endpoint id>}): the stored body, the same {@code webhook-id} on every
 * attempt, a fresh {@code webhook-timestamp} and signature (with the previous secret too while a rotation overlaps).
 * The target passes the SSRF rules again before each call. 2xx: delivered. 429, 408, 5xx, no answer: again later, after
 * the endpoint's {@code Retry-After} when it gives one. 410: the endpoint is turned off and the message is a dead
 * letter. 3xx (redirects are not followed) and other 4xx: a dead letter with the status and the start of the answer.
 * Every attempt is in the delivery log.
 */
@Component
class WebhookDeliveries implements Delivery<WebhookDeliveryRequested> {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDeliveries.class);

	static final Spec<WebhookDeliveryRequested> SPEC = Spec.of("integrations.webhook", WebhookDeliveryRequested.class)
		.maxAttempts(12)
		.backoff(Duration.ofSeconds(5), Duration.ofHours(1));

	private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

	private final DeliveryLog log;

	private final WebhookEndpoints endpoints;

	private final Subscriptions subscriptions;

	private final Secrets secrets;

	private final TargetPolicy policy;

	private final WebhookCall call;

	private final Clock clock;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	WebhookDeliveries(DeliveryLog log, WebhookEndpoints endpoints, Subscriptions subscriptions, Secrets secrets,
			TargetPolicy policy, WebhookCall call, AuditLog audit, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.audit = audit;
		this.log = log;
		this.endpoints = endpoints;
		this.subscriptions = subscriptions;
		this.secrets = secrets;
		this.policy = policy;
		this.call = call;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public Spec<WebhookDeliveryRequested> spec() {
		return SPEC;
	}

	@Override
	public String key(WebhookDeliveryRequested request) {
		return "delivery:" + request.deliveryId();
	}

	@Override
	public String destination(WebhookDeliveryRequested request) {
		return "webhook:" + request.endpointId();
	}

	/** The message, its endpoint and the secrets that sign now. */
	private record Prepared(DeliveryLog.Message message, WebhookEndpoint endpoint, List<SigningSecret> secrets) {
	}

	@Override
	public Outcome deliver(WebhookDeliveryRequested request, int attempt) {
		Optional<Prepared> found = transactions.execute(status -> prepare(request.deliveryId()));
		if (found == null || found.isEmpty()) {
			return Outcome.DONE; // the endpoint was deleted (its messages with it), or the message is past retention
		}
		Prepared prepared = found.get();
		long id = request.deliveryId();
		if (!prepared.endpoint().enabled()) {
			transactions.executeWithoutResult(status -> log.settle(id, DeliveryLog.Status.SKIPPED));
			return Outcome.DONE;
		}
		URI target;
		try {
			target = policy.check(prepared.endpoint().url());
		}
		catch (RefusedTarget refused) {
			String error = "refused before the call: the url " + refused.reason();
			record(id, null, 0, DeliveryLog.Outcome.FAILED, error);
			return Outcome.failed(error);
		}
		byte[] body = prepared.message().body().getBytes(StandardCharsets.UTF_8);
		long timestamp = clock.instant().getEpochSecond();
		String signature = WebhookSigner.header(prepared.secrets(), prepared.message().messageId(), timestamp, body);
		long start = System.nanoTime();
		WebhookCall.Answer answer;
		try {
			answer = call.post(target, prepared.message().messageId(), timestamp, signature, body);
		}
		catch (WebhookCall.NoAnswer ex) {
			record(id, null, millisSince(start), DeliveryLog.Outcome.RETRY, ex.getMessage());
			return Outcome.retry(ex.getMessage() == null ? "no answer" : ex.getMessage());
		}
		return settle(prepared, answer, millisSince(start));
	}

	@Override
	public void deadLettered(WebhookDeliveryRequested request, String error) {
		log.settle(request.deliveryId(), DeliveryLog.Status.FAILED);
	}

	private Optional<Prepared> prepare(long delivery) {
		Instant now = clock.instant();
		return log.find(delivery).flatMap(message -> endpoints.findById(message.endpointId()).flatMap(endpoint -> endpoints
			.secrets(endpoint.id())
			.map(sealed -> new Prepared(message, endpoint, signing(endpoint.id(), sealed, now)))));
	}

	/** The current secret, and the previous one while its overlap lasts. */
	private List<SigningSecret> signing(WebhookEndpointId endpoint, WebhookEndpoints.SealedSecrets sealed, Instant now) {
		List<SigningSecret> signing = new ArrayList<>(2);
		signing.add(SigningSecret.of(secrets.open(sealed.current(), endpoint.secretContext())));
		if (sealed.previous() != null && sealed.previousUntil() != null && sealed.previousUntil().isAfter(now)) {
			signing.add(SigningSecret.of(secrets.open(sealed.previous(), endpoint.secretContext())));
		}
		return signing;
	}

	private Outcome settle(Prepared prepared, WebhookCall.Answer answer, long millis) {
		long id = prepared.message().id();
		int status = answer.status();
		if (status >= 200 && status < 300) {
			record(id, status, millis, DeliveryLog.Outcome.DELIVERED, null);
			return Outcome.DONE;
		}
		String error = "HTTP " + status + answerText(answer);
		if (status == 410) {
			String reason = "410 Gone at " + clock.instant() + ": the endpoint asked to be removed";
			transactions.executeWithoutResult(tx -> {
				endpoints.disable(prepared.endpoint().id(), reason, clock.instant());
				log.recordAttempt(id, status, millis, DeliveryLog.Outcome.FAILED, error, clock.instant());
				subscriptions.changed(TenantContext.require());
				audit.change(TenantContext.require(), "webhook-endpoint.disabled",
						"webhook-endpoint:" + prepared.endpoint().id(), reason);
			});
			logger.info("Webhook endpoint {} answered 410 Gone and is disabled", prepared.endpoint().id());
			return Outcome.failed(error + " (the endpoint is disabled)");
		}
		if (status == 408 || status == 429 || status >= 500) {
			record(id, status, millis, DeliveryLog.Outcome.RETRY, error);
			Duration after = retryAfter(answer.retryAfter(), clock.instant());
			return after == null ? Outcome.retry(error) : Outcome.retryAfter(error, after);
		}
		String failure = status >= 300 && status < 400
				? error + " (redirects are not followed" + (answer.location() == null ? ")"
						: "; Location: " + bounded(answer.location(), 200) + ")")
				: error;
		record(id, status, millis, DeliveryLog.Outcome.FAILED, failure);
		return Outcome.failed(failure);
	}

	private void record(long delivery, @Nullable Integer status, long millis, DeliveryLog.Outcome outcome,
			@Nullable String error) {
		transactions.executeWithoutResult(
				tx -> log.recordAttempt(delivery, status, millis, outcome, error, clock.instant()));
	}

	/**
	 * {@code Retry-After} as seconds or an HTTP date; at least a second, at most an hour; null when absent or unreadable.
	 */
	static @Nullable Duration retryAfter(@Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			return null;
		}
		Duration after;
		try {
			after = Duration.ofSeconds(Long.parseLong(header.strip()));
		}
		catch (NumberFormatException notSeconds) {
			try {
				after = Duration.between(now, ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
		if (after.compareTo(Duration.ofSeconds(1)) < 0) {
			return Duration.ofSeconds(1);
		}
		return after.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : after;
	}

	private static String answerText(WebhookCall.Answer answer) {
		return answer.snippet().isEmpty() ? "" : ": " + answer.snippet();
	}

	private static String bounded(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max) + "…";
	}

	private static long millisSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}
}

package com.whatsappflowhub.integrations.hooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's outbound webhook endpoints, managed by its administrators (and API keys with {@code webhooks:manage}).
 * The signing secret is in the answers of create and rotate-secret only.
 */
@Tag(name = "Webhook endpoints", description = """
		The tenant's own systems that hear of tasks and messages: signed CloudEvents (Standard Webhooks) over HTTPS, \
		retried, with a delivery log and replay.""")
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN') or (hasRole('API_CLIENT') and hasAuthority('SCOPE_webhooks:manage'))")
@Validated
class WebhookEndpointController {

	private final WebhookEndpointManagement management;

	WebhookEndpointController(WebhookEndpointManagement management) {
		this.management = management;
	}

	@Schema(name = "NewWebhookEndpoint")
	record NewEndpoint(@NotBlank @Size(max = 2048) @WebhookFields.AllowedUrl String url,
			@NotNull @Size(max = 20) @WebhookFields.KnownEvents List<String> events,
			@Nullable @Size(max = WebhookEndpointManagement.DESCRIPTION_MAX) String description,
			@Nullable Boolean enabled) {
	}

	@Schema(name = "WebhookEndpointChange")
	record EndpointChange(@Nullable @Size(max = 2048) @WebhookFields.AllowedUrl String url,
			@Nullable @Size(max = 20) @WebhookFields.KnownEvents List<String> events,
			@Nullable @Size(max = WebhookEndpointManagement.DESCRIPTION_MAX) String description,
			@Nullable Boolean enabled) {
	}

	@Schema(name = "WebhookEndpoint")
	record Endpoint(UUID id, String url, List<String> events, @Nullable String description, boolean enabled,
			@Schema(description = "Why we turned it off (it answered 410 Gone); cleared when it is enabled again.")
			@Nullable String disabledReason,
			@Schema(description = "Until when the secret before the last rotation still signs (a second signature).")
			@Nullable Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt,
			@Schema(description = "The signing secret (`whsec_...`): only in the answers of create and rotate-secret.")
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {

		static Endpoint of(WebhookEndpoint endpoint) {
			return of(endpoint, null);
		}

		static Endpoint of(WebhookEndpointManagement.WithSecret created) {
			return of(created.endpoint(), created.secret().value());
		}

		@Override
		public String toString() {
			return "Endpoint[id=" + id + ", url=" + url + ", events=" + events + ", enabled=" + enabled + "]";
		}

		private static Endpoint of(WebhookEndpoint endpoint, @Nullable String secret) {
			return new Endpoint(endpoint.id().value(), endpoint.url(),
					endpoint.events().stream().map(WebhookEventType::wireName).toList(), endpoint.description(),
					endpoint.enabled(), endpoint.disabledReason(), endpoint.previousSecretUntil(), endpoint.createdAt(),
					endpoint.updatedAt(), secret);
		}
	}

	@Schema(name = "WebhookDelivery")
	record Delivery(long id,
			@Schema(description = "The `webhook-id` header and the CloudEvent's `id`; a replay keeps it.") String eventId,
			String eventType, @Nullable String subject,
			@Schema(description = "PENDING, DELIVERED, FAILED (a dead letter) or SKIPPED (the endpoint was off)") String status,
			@Nullable Long replayOf, Instant createdAt, List<Attempt> attempts) {

		static Delivery of(DeliveryLog.Entry entry) {
			DeliveryLog.Message message = entry.message();
			return new Delivery(message.id(), message.messageId(), message.eventType(), message.subject(),
					message.status().name(), message.replayOf(), message.createdAt(),
					entry.attempts().stream().map(Attempt::of).toList());
		}
	}

	@Schema(name = "WebhookAttempt")
	record Attempt(int attempt, @Nullable Integer statusCode, int durationMs,
			@Schema(description = "DELIVERED, RETRY or FAILED") String outcome, @Nullable String error, Instant at) {

		static Attempt of(DeliveryLog.Attempt attempt) {
			return new Attempt(attempt.attempt(), attempt.statusCode(), attempt.durationMs(), attempt.outcome().name(),
					attempt.error(), attempt.at());
		}
	}

	@Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint", description = """
			`url` must be `https` and its host a public address (private, loopback, link-local, multicast, unique-local \
			and metadata addresses are refused, when registering and again before every call). `events`: \
			`task.created`, `task.updated`, `task.assigned`, `task.completed`, `task.cancelled`, `message.received`, \
			`message.processed`. The answer holds the signing `secret`, shown this once.""")
	@ApiResponse(responseCode = "201", description = "Registered; `Location` names the endpoint; `secret` is in the body.")
	@PostMapping
	ResponseEntity<Endpoint> create(@Valid @RequestBody NewEndpoint body) {
		Endpoint created = Endpoint
			.of(management.create(new WebhookEndpointManagement.Fields(body.url(), body.events(), body.description(),
					body.enabled())));
		return ResponseEntity.created(URI.create("/api/v1/webhook-endpoints/" + created.id())).body(created);
	}

	@Operation(operationId = "listWebhookEndpoints", summary = "List the webhook endpoints", description = "Oldest first; never their secrets.")
	@GetMapping
	List<Endpoint> list() {
		return management.endpoints().stream().map(Endpoint::of).toList();
	}

	@Operation(operationId = "getWebhookEndpoint", summary = "Read a webhook endpoint")
	@GetMapping("/{id}")
	Endpoint get(@PathVariable UUID id) {
		return Endpoint.of(management.endpoint(new WebhookEndpointId(id)));
	}

	@Operation(operationId = "changeWebhookEndpoint", summary = "Change a webhook endpoint", description = """
			Only the fields given change; an empty `description` removes it. `enabled: true` turns on an endpoint we \
			turned off after its 410 Gone.""")
	@PatchMapping("/{id}")
	Endpoint change(@PathVariable UUID id, @Valid @RequestBody EndpointChange body) {
		return Endpoint.of(management.change(new WebhookEndpointId(id),
				new WebhookEndpointManagement.Fields(body.url(), body.events(), body.description(), body.enabled())));
	}

	@Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint", description = "With its delivery log; messages not yet delivered are dropped.")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		management.delete(new WebhookEndpointId(id));
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "rotateWebhookEndpointSecret", summary = "Rotate a webhook endpoint's signing secret", description = """
			A new secret signs from now on, shown this once in the answer. For 24 hours the previous one signs as \
			well: `webhook-signature` carries both (`v1,<new> v1,<previous>`), so a receiver can switch at its pace.""")
	@PostMapping("/{id}/rotate-secret")
	Endpoint rotateSecret(@PathVariable UUID id) {
		return Endpoint.of(management.rotateSecret(new WebhookEndpointId(id)));
	}

	@Operation(operationId = "listWebhookDeliveries", summary = "Read a webhook endpoint's delivery log", description = """
			Newest first, each message with its attempts (status code, duration, error); `before` is the last id of \
			the previous page. Kept 30 days.""")
	@GetMapping("/{id}/deliveries")
	List<Delivery> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Nullable Long before) {
		return management.deliveries(new WebhookEndpointId(id), limit, before).stream().map(Delivery::of).toList();
	}

	@Operation(operationId = "replayWebhookDelivery", summary = "Send a message of the delivery log again", description = """
			The same body and `webhook-id` as a new delivery (202), with attempts of its own; a receiver that \
			deduplicates on `webhook-id` sees it once.""")
	@ApiResponse(responseCode = "202", description = "Queued; the answer is the new delivery.")
	@PostMapping("/{id}/deliveries/{deliveryId}/replay")
	ResponseEntity<Delivery> replay(@PathVariable UUID id, @PathVariable long deliveryId) {
		DeliveryLog.Message copy = management.replay(new WebhookEndpointId(id), deliveryId);
		return ResponseEntity.accepted().body(Delivery.of(new DeliveryLog.Entry(copy, List.of())));
	}
}

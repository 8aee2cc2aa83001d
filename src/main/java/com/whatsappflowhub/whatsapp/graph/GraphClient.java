package com.whatsappflowhub.whatsapp.graph;

import java.net.ConnectException;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.whatsapp.WhatsAppError;

/**
 * Sends messages through the Graph API's {@code POST /{version}/{phone-number-id}/messages}: text, templates,
 * interactive buttons and lists, reactions, and read receipts. Every answer comes back as a {@link SendOutcome}.
 *
 * <p>Never sends one message twice: a key already accepted returns its wamid without a request, and only errors where
 * Meta refused the message (rate limits 130429 / 131056, a connection that could not be opened) are retried, with
 * bounded exponential backoff. A server error or a connection broken after the request left is
 * {@link SendOutcome.Undetermined} and not retried. Concurrent sends of the same key must be prevented by the caller
 * (claim the key in its table first).
 */
public final class GraphClient {

	private static final Logger log = LoggerFactory.getLogger(GraphClient.class);

	private final RestClient rest;

	private final String apiVersion;

	private final Backoff backoff;

	private final Backoff.Sleeper sleeper;

	private final SentMessages sent;

	private final JsonMapper mapper;

	/**
	 * @param rest a client with the Graph base URL and the {@code User-Agent} set (see {@code WhatsAppConfiguration})
	 * @param apiVersion e.g. {@code v23.0}
	 */
	public GraphClient(RestClient rest, String apiVersion, Backoff backoff, Backoff.Sleeper sleeper,
			SentMessages sent, JsonMapper mapper) {
		this.rest = rest;
		this.apiVersion = apiVersion;
		this.backoff = backoff;
		this.sleeper = sleeper;
		this.sent = sent;
		this.mapper = mapper;
	}

	/**
	 * Sends a message once per key. Check the 24-hour window before (see
	 * {@link com.whatsappflowhub.whatsapp.WindowPolicy}); Meta's own refusal is {@link SendOutcome.WindowClosed}.
	 */
	public SendOutcome send(BusinessNumber from, OutboundMessage message, IdempotencyKey key) {
		Optional<String> known = sent.wamidFor(key);
		if (known.isPresent()) {
			return new SendOutcome.Accepted(known.get(), true);
		}
		byte[] body = mapper.writeValueAsBytes(GraphRequests.message(message));
		SendOutcome outcome = post(from, body, answer -> {
			JsonNode id = answer.path("messages").path(0).path("id");
			return id.isString() ? id.stringValue() : null;
		});
		if (outcome instanceof SendOutcome.Accepted accepted) {
			sent.accepted(key, accepted.messageId());
		}
		return outcome;
	}

	/** Marks a customer's message (and the ones before it) as read: the blue ticks. */
	public SendOutcome markAsRead(BusinessNumber from, String messageId) {
		byte[] body = mapper.writeValueAsBytes(GraphRequests.markAsRead(messageId));
		return post(from, body, answer -> answer.path("success").asBoolean(false) ? messageId : null);
	}

	private SendOutcome post(BusinessNumber from, byte[] body, Function<JsonNode, @Nullable String> acceptedId) {
		for (int attempt = 1;; attempt++) {
			Answer answer;
			try {
				answer = rest.post()
					.uri("/{version}/{phoneNumberId}/messages", apiVersion, from.phoneNumberId())
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + from.token().value())
					.contentType(MediaType.APPLICATION_JSON)
					.body(body)
					.exchange((request, response) -> new Answer(response.getStatusCode().value(),
							response.getBody().readAllBytes()), true);
			}
			catch (ResourceAccessException ex) {
				if (ex.getCause() instanceof ConnectException && attempt < backoff.maxAttempts() && pause(attempt)) {
					continue; // the request never reached Meta
				}
				return new SendOutcome.Undetermined("no answer from the Graph API: " + ex.getClass().getSimpleName(),
						null);
			}
			if (answer.status() >= 200 && answer.status() < 300) {
				return accepted(answer, acceptedId);
			}
			GraphErrors.GraphError error = GraphErrors.read(mapper, answer.body());
			boolean throttled = error != null ? GraphErrors.isRateLimit(error) : answer.status() == 429;
			if (throttled) {
				WhatsAppError reason = error != null ? error.error() : new WhatsAppError(0, "HTTP 429", null);
				if (attempt < backoff.maxAttempts() && pause(attempt)) {
					log.debug("Graph API rate limit {} on attempt {}, backing off", reason.code(), attempt);
					continue;
				}
				return new SendOutcome.RateLimited(reason, attempt);
			}
			if (error == null) {
				return answer.status() >= 500
						? new SendOutcome.Undetermined("Graph API answered " + answer.status(), answer.status())
						: new SendOutcome.Rejected(new WhatsAppError(0, "HTTP " + answer.status(), null),
								answer.status());
			}
			return classify(error, answer.status());
		}
	}

	private SendOutcome accepted(Answer answer, Function<JsonNode, @Nullable String> acceptedId) {
		try {
			String id = acceptedId.apply(mapper.readTree(answer.body()));
			if (id != null) {
				return new SendOutcome.Accepted(id, false);
			}
		}
		catch (JacksonException ex) {
			// fall through: an answer we cannot read does not tell whether the message was taken
		}
		return new SendOutcome.Undetermined("Graph API answered " + answer.status() + " without a message id",
				answer.status());
	}

	private static SendOutcome classify(GraphErrors.GraphError error, int status) {
		int code = error.error().code();
		if (code == GraphErrors.WINDOW_CLOSED) {
			return new SendOutcome.WindowClosed(error.error());
		}
		if (code == GraphErrors.MEDIA_UPLOAD_ERROR) {
			return new SendOutcome.MediaFailed(error.error());
		}
		if (GraphErrors.isAuthFailure(error, status)) {
			return new SendOutcome.NumberNeedsAttention(error.error(), status);
		}
		if (status >= 500) {
			return new SendOutcome.Undetermined("Graph API error " + code + " with status " + status, status);
		}
		return new SendOutcome.Rejected(error.error(), status);
	}

	/** Waits before attempt {@code attempt + 1}; false if interrupted (the thread's interrupt flag is kept). */
	private boolean pause(int attempt) {
		try {
			sleeper.sleep(backoff.delayAfter(attempt));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private record Answer(int status, byte[] body) {
	}
}

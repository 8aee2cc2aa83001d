package com.whatsappflowhub.integrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP client connectors call their vendors with: JDK {@code HttpClient}, timeouts from the settings, no
 * redirects, JSON in and out, and the usual classification of what went wrong (429 and 5xx and timeouts are
 * transient, with the vendor's {@code Retry-After}; other 4xx are permanent). Bodies and headers that carry
 * credentials are never logged.
 */
@Component
public class VendorHttp {

	private final HttpClient client;

	private final Duration readTimeout;

	private final JsonMapper json;

	VendorHttp(IntegrationSettings settings, JsonMapper json) {
		this.client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.readTimeout = settings.readTimeout();
		this.json = json;
	}

	/** An answer: status, headers, body parsed as JSON when it is JSON (else a text node, or missing). */
	public record Answer(int status, Map<String, java.util.List<String>> headers, JsonNode body, String text) {

		public boolean ok() {
			return status >= 200 && status < 300;
		}

		public Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}
	}

	/**
	 * Sends a request; {@code body} is serialised as JSON unless it is a {@code String} (sent as it is, with the
	 * given content type). Connection failures and timeouts are transient failures.
	 */
	public Answer call(String method, URI uri, Map<String, String> headers, @Nullable Object body,
			@Nullable String contentType) {
		return call(method, uri, headers, body, contentType, readTimeout);
	}

	/**
	 * The same with a shorter wait for the answer than the settings' {@code readTimeout}, for a call that is worth
	 * nothing late (Slack's {@code views.open} needs its {@code trigger_id} used within 3 s of the click).
	 */
	public Answer call(String method, URI uri, Map<String, String> headers, @Nullable Object body,
			@Nullable String contentType, Duration timeout) {
		HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json.writeValueAsString(body),
						StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, publisher);
		request.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", contentType != null ? contentType : "application/json");
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String text = response.body() == null ? "" : response.body();
			JsonNode parsed = json.missingNode();
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (!text.isBlank() && (type.contains("json") || text.startsWith("{") || text.startsWith("["))) {
				try {
					parsed = json.readTree(text);
				}
				catch (RuntimeException notJson) {
					parsed = json.missingNode();
				}
			}
			return new Answer(response.statusCode(), response.headers().map(), parsed, text);
		}
		catch (HttpConnectTimeoutException ex) {
			throw ConnectorFailure.temporary("could not connect to " + uri.getHost() + " in time", ex);
		}
		catch (HttpTimeoutException ex) {
			throw ConnectorFailure.temporary(uri.getHost() + " did not answer in " + timeout.toMillis() + " ms", ex);
		}
		catch (IOException ex) {
			throw ConnectorFailure.temporary("calling " + uri.getHost() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ConnectorFailure.temporary("interrupted while calling " + uri.getHost(), ex);
		}
		catch (UncheckedIOException ex) {
			throw ConnectorFailure.temporary("calling " + uri.getHost() + " failed: " + ex.getMessage(), ex);
		}
	}

	/** The failure an unsuccessful answer stands for; {@code message} is the vendor's own words when it gave some. */
	public static ConnectorFailure failure(Answer answer, String message) {
		int status = answer.status();
		if (status == 429 || status >= 500 || status == 408) {
			return ConnectorFailure.temporary(status + " " + message, status, retryAfter(answer).orElse(null));
		}
		return ConnectorFailure.permanent(status + " " + message, status);
	}

	/** {@code Retry-After} in seconds or as an HTTP date. */
	public static Optional<Duration> retryAfter(Answer answer) {
		return answer.header("Retry-After").flatMap(value -> {
			try {
				return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
			}
			catch (NumberFormatException notSeconds) {
				try {
					Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
					return Optional.of(Duration.between(Instant.now(), at)).filter(d -> !d.isNegative());
				}
				catch (RuntimeException notDate) {
					return Optional.empty();
				}
			}
		});
	}
}

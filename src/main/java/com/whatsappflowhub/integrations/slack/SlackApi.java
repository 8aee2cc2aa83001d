package com.whatsappflowhub.integrations.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.whatsappflowhub.integrations.Connection;
import com.whatsappflowhub.integrations.ConnectorFailure;
import com.whatsappflowhub.integrations.IntegrationSettings;
import com.whatsappflowhub.integrations.VendorHttp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Slack's Web API as its documentation describes a call: {@code POST <base>/<method>} with the arguments
 * form-encoded and the bot token as {@code Authorization: Bearer}, and an answer that is HTTP 200 with
 * {@code {"ok": false, "error": "<code>"}} when Slack refuses. What a refusal means for a retry is decided here:
 * rate limits (HTTP 429 with {@code Retry-After}, or {@code ratelimited}), 5xx and Slack's own internal errors are
 * transient; everything else ({@code invalid_auth}, {@code channel_not_found}, {@code not_in_channel},
 * {@code invalid_blocks}, {@code missing_scope}...) is permanent, with Slack's error code in the message.
 */
@Component
class SlackApi {

	/** Slack's codes for "not now" rather than "not this". */
	static final Set<String> TRANSIENT = Set.of("ratelimited", "rate_limited", "internal_error", "fatal_error",
			"request_timeout", "service_unavailable", "team_added_to_org");

	private final VendorHttp http;

	private final String baseUrl;

	SlackApi(VendorHttp http, IntegrationSettings settings) {
		this.http = http;
		this.baseUrl = settings.slackBaseUrl().replaceAll("/+$", "");
	}

	/** Calls {@code method} with {@code arguments}; the answer's body when Slack said {@code ok}. */
	JsonNode call(Connection connection, String method, Map<String, String> arguments) {
		return answer(method, http.call("POST", URI.create(baseUrl + "/" + method), headers(connection),
				form(arguments), "application/x-www-form-urlencoded; charset=utf-8"));
	}

	/** The same, waiting at most {@code timeout} for the answer. */
	JsonNode call(Connection connection, String method, Map<String, String> arguments, Duration timeout) {
		return answer(method, http.call("POST", URI.create(baseUrl + "/" + method), headers(connection),
				form(arguments), "application/x-www-form-urlencoded; charset=utf-8", timeout));
	}

	private static Map<String, String> headers(Connection connection) {
		return Map.of("Authorization", "Bearer " + connection.credential("botToken"));
	}

	static String form(Map<String, String> arguments) {
		return arguments.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static JsonNode answer(String method, VendorHttp.Answer answer) {
		if (!answer.ok()) {
			String error = answer.body().path("error").asString("");
			throw VendorHttp.failure(answer, "Slack " + method + (error.isEmpty() ? "" : " refused: " + error));
		}
		JsonNode body = answer.body();
		if (!body.path("ok").isBoolean()) {
			throw ConnectorFailure.temporary("Slack " + method + " answered without \"ok\"", answer.status(), null);
		}
		if (body.path("ok").asBoolean()) {
			return body;
		}
		throw failure(method, answer);
	}

	/** An {@code ok: false} answer as a failure: Slack's code, and what it adds (scopes, block problems). */
	static ConnectorFailure failure(String method, VendorHttp.Answer answer) {
		JsonNode body = answer.body();
		String error = body.path("error").asString("unknown_error");
		List<String> details = new ArrayList<>();
		if (body.hasNonNull("needed")) {
			details.add("needed: " + body.path("needed").asString());
		}
		if (body.hasNonNull("provided")) {
			details.add("provided: " + body.path("provided").asString());
		}
		body.path("response_metadata").path("messages").forEach(m -> details.add(m.asString()));
		String message = "Slack " + method + " refused: " + error
				+ (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
		if (TRANSIENT.contains(error)) {
			return ConnectorFailure.temporary(message, answer.status(), VendorHttp.retryAfter(answer).orElse(null));
		}
		return ConnectorFailure.permanent(message, answer.status());
	}

	/** {@code C0123/1700000000.000100} → channel and ts. */
	record MessageRef(String channel, String ts) {

		static MessageRef of(String key) {
			int slash = key.lastIndexOf('/');
			if (slash <= 0 || slash == key.length() - 1) {
				throw ConnectorFailure.permanent("not a Slack message reference: " + key, null);
			}
			return new MessageRef(key.substring(0, slash), key.substring(slash + 1));
		}

		String key() {
			return channel + "/" + ts;
		}
	}
}

package com.whatsappflowhub.whatsapp.graph;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code GET} of the Graph API with a caller's token, read as a JSON object or as why not, and the {@code after}
 * cursor of a paged list (for the reads that check what Meta holds: numbers, templates).
 */
final class GraphReads {

	private final RestClient rest;

	private final String apiVersion;

	private final JsonMapper mapper;

	GraphReads(RestClient rest, String apiVersion, JsonMapper mapper) {
		this.rest = rest;
		this.apiVersion = apiVersion;
		this.mapper = mapper;
	}

	sealed interface Answer {

		record Body(int status, JsonNode json) implements Answer {
		}

		record Failed(int status, String reason) implements Answer {
		}

		record NoAnswer(String reason) implements Answer {
		}
	}

	/** {@code uri} starts with {@code /{version}}; {@code variables} fill the rest of its placeholders. */
	Answer get(AccessToken token, String uri, Object... variables) {
		Object[] all = new Object[variables.length + 1];
		all[0] = apiVersion;
		System.arraycopy(variables, 0, all, 1, variables.length);
		try {
			return rest.get()
				.uri(uri, all)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
				.exchange((request, response) -> read(response.getStatusCode().value(), response.getBody().readAllBytes()),
						true);
		}
		catch (ResourceAccessException ex) {
			return new Answer.NoAnswer("no answer from the Graph API (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/** The next page's cursor, or null at the last page (or a cursor seen before: Meta never loops, a bug might). */
	static @Nullable String nextCursor(JsonNode page, Set<String> seen) {
		JsonNode paging = page.path("paging");
		String next = paging.path("cursors").path("after").asString("");
		return !paging.has("next") || next.isEmpty() || !seen.add(next) ? null : next;
	}

	private Answer read(int status, byte[] body) {
		if (status >= 200 && status < 300) {
			try {
				JsonNode json = mapper.readTree(body);
				if (json.isObject()) {
					return new Answer.Body(status, json);
				}
			}
			catch (JacksonException ex) {
				// below: an answer we cannot read proves nothing
			}
			return new Answer.Failed(502, "the Graph API answered " + status + " with a body we cannot read");
		}
		GraphErrors.GraphError error = GraphErrors.read(mapper, body);
		String reason = error != null && !error.error().title().isBlank()
				? "Graph API error " + error.error().code() + " (" + error.error().title() + ")"
				: "the Graph API answered " + status;
		return new Answer.Failed(status, reason);
	}
}

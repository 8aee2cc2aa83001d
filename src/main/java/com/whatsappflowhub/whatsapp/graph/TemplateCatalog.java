package com.whatsappflowhub.whatsapp.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.whatsappflowhub.whatsapp.MessageTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message templates of a WhatsApp Business account: {@code GET /{version}/{waba-id}/message_templates} (Meta's
 * {@code getTemplateByNameDefaultFields} without a name), with the fields {@code name}, {@code language},
 * {@code status}, {@code category} and {@code components}, page after page by the {@code after} cursor.
 */
public final class TemplateCatalog {

	/** Pages read at most (100 templates each). */
	static final int MAX_PAGES = 10;

	private final RestClient rest;

	private final String apiVersion;

	private final JsonMapper mapper;

	public TemplateCatalog(RestClient rest, String apiVersion, JsonMapper mapper) {
		this.rest = rest;
		this.apiVersion = apiVersion;
		this.mapper = mapper;
	}

	/** What Meta answered. */
	public sealed interface Listing {
	}

	/** Every template of the account, whatever its status. */
	public record Listed(List<MessageTemplate> templates) implements Listing {
	}

	/** Meta refused (HTTP 4xx: a bad token, another account), could not be reached, or answered what we cannot read. */
	public record NotListed(String reason) implements Listing {
	}

	public Listing list(String businessAccountId, AccessToken token) {
		List<MessageTemplate> templates = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String after = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			JsonNode json;
			try {
				json = fetch(businessAccountId, token, after);
			}
			catch (Failed failed) {
				return new NotListed(failed.getMessage());
			}
			for (JsonNode item : json.path("data")) {
				MessageTemplate template = template(item);
				if (template != null) {
					templates.add(template);
				}
			}
			JsonNode paging = json.path("paging");
			String next = paging.path("cursors").path("after").asString("");
			if (!paging.has("next") || next.isEmpty() || !seen.add(next)) {
				break;
			}
			after = next;
		}
		return new Listed(List.copyOf(templates));
	}

	private static @Nullable MessageTemplate template(JsonNode item) {
		String name = item.path("name").asString("");
		String language = item.path("language").asString("");
		if (name.isEmpty() || language.isEmpty()) {
			return null;
		}
		String body = null;
		for (JsonNode component : item.path("components")) {
			if ("BODY".equalsIgnoreCase(component.path("type").asString("")) && component.path("text").isString()) {
				body = component.path("text").asString();
			}
		}
		return new MessageTemplate(name, language, item.path("status").asString(""), item.path("category").asString(""),
				body);
	}

	private JsonNode fetch(String businessAccountId, AccessToken token, @Nullable String after) {
		String uri = "/{version}/{waba}/message_templates?fields=name,language,status,category,components&limit=100"
				+ (after == null ? "" : "&after={after}");
		Object[] variables = after == null ? new Object[] { apiVersion, businessAccountId }
				: new Object[] { apiVersion, businessAccountId, after };
		try {
			return rest.get()
				.uri(uri, variables)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
				.exchange((request, response) -> read(response.getStatusCode().value(), response.getBody().readAllBytes()),
						true);
		}
		catch (ResourceAccessException ex) {
			throw new Failed("no answer from the Graph API (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private JsonNode read(int status, byte[] body) {
		if (status < 200 || status >= 300) {
			GraphErrors.GraphError error = GraphErrors.read(mapper, body);
			throw new Failed(error != null && !error.error().title().isBlank()
					? "Graph API error " + error.error().code() + " (" + error.error().title() + ")"
					: "the Graph API answered " + status);
		}
		try {
			JsonNode json = mapper.readTree(body);
			if (json.isObject()) {
				return json;
			}
		}
		catch (JacksonException ex) {
			// below
		}
		throw new Failed("the Graph API answered " + status + " with a body we cannot read");
	}

	private static final class Failed extends RuntimeException {

		Failed(String reason) {
			super(reason, null, false, false);
		}
	}
}

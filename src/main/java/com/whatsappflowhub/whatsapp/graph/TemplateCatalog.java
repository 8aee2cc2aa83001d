package com.whatsappflowhub.whatsapp.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.whatsappflowhub.whatsapp.MessageTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;
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

	private final GraphReads graph;

	public TemplateCatalog(RestClient rest, String apiVersion, JsonMapper mapper) {
		this.graph = new GraphReads(rest, apiVersion, mapper);
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
			String uri = "/{version}/{waba}/message_templates?fields=name,language,status,category,components&limit=100";
			GraphReads.Answer answer = after == null ? graph.get(token, uri, businessAccountId)
					: graph.get(token, uri + "&after={after}", businessAccountId, after);
			if (answer instanceof GraphReads.Answer.Failed failed) {
				return new NotListed(failed.reason());
			}
			if (answer instanceof GraphReads.Answer.NoAnswer none) {
				return new NotListed(none.reason());
			}
			JsonNode json = ((GraphReads.Answer.Body) answer).json();
			for (JsonNode item : json.path("data")) {
				MessageTemplate template = template(item);
				if (template != null) {
					templates.add(template);
				}
			}
			after = GraphReads.nextCursor(json, seen);
			if (after == null) {
				break;
			}
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
}

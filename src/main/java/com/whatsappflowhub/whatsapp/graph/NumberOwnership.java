package com.whatsappflowhub.whatsapp.graph;

import java.util.HashSet;
import java.util.Set;

import com.whatsappflowhub.whatsapp.graph.GraphReads.Answer;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that whoever registers a number holds it: with the token they supplied, the Graph API must answer
 * {@code GET /{version}/{phone-number-id}} (Meta's {@code getPhoneNumberById}) for that very id, and the number must be
 * one of {@code GET /{version}/{waba-id}/phone_numbers} (so the business account id is not someone else's either).
 */
public final class NumberOwnership {

	/** Pages of the business account's numbers read at most (100 numbers each). */
	static final int MAX_PAGES = 20;

	private final GraphReads graph;

	public NumberOwnership(RestClient rest, String apiVersion, JsonMapper mapper) {
		this.graph = new GraphReads(rest, apiVersion, mapper);
	}

	/** What Meta said about a number and a token. */
	public sealed interface Proof {
	}

	/** Meta answered for the number with this token, and the number is in the business account. */
	public record Proved(String displayPhoneNumber, @Nullable String verifiedName) implements Proof {
	}

	/** Meta refused the token or does not know the number for it (HTTP 4xx from Graph, or a wrong id in the answer). */
	public record Refused(int graphStatus, String reason) implements Proof {
	}

	/** The number exists for the token but is not one of the business account's numbers. */
	public record NotInAccount(String businessAccountId) implements Proof {
	}

	/** Meta could not be reached or answered 5xx: nothing is known. */
	public record Unreachable(String reason) implements Proof {
	}

	public Proof prove(String phoneNumberId, String businessAccountId, AccessToken token) {
		Answer number = graph.get(token, "/{version}/{id}?fields=id,display_phone_number,verified_name", phoneNumberId);
		if (!(number instanceof Answer.Body body)) {
			return failure(number);
		}
		JsonNode json = body.json();
		if (!phoneNumberId.equals(json.path("id").asString(""))) {
			return new Refused(body.status(), "the Graph API answered for another id");
		}
		Set<String> seen = new HashSet<>();
		String after = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			Answer list = after == null
					? graph.get(token, "/{version}/{waba}/phone_numbers?fields=id&limit=100", businessAccountId)
					: graph.get(token, "/{version}/{waba}/phone_numbers?fields=id&limit=100&after={after}", businessAccountId,
							after);
			if (!(list instanceof Answer.Body numbers)) {
				return failure(list);
			}
			for (JsonNode item : numbers.json().path("data")) {
				if (phoneNumberId.equals(item.path("id").asString(""))) {
					return new Proved(json.path("display_phone_number").asString(""),
							json.path("verified_name").isString() ? json.path("verified_name").asString() : null);
				}
			}
			after = GraphReads.nextCursor(numbers.json(), seen);
			if (after == null) {
				break;
			}
		}
		return new NotInAccount(businessAccountId);
	}

	private static Proof failure(Answer answer) {
		if (answer instanceof Answer.Failed failed) {
			return failed.status() >= 500 ? new Unreachable("the Graph API answered " + failed.status())
					: new Refused(failed.status(), failed.reason());
		}
		return new Unreachable(((Answer.NoAnswer) answer).reason());
	}
}

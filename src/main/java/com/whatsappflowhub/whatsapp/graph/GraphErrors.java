package com.whatsappflowhub.whatsapp.graph;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.whatsapp.WhatsAppError;

/** Reads and classifies Graph API error answers ({@code {"error": {...}}}). */
final class GraphErrors {

	/** The re-engagement error: the 24-hour customer-service window is closed. */
	static final int WINDOW_CLOSED = 131047;

	/**
	 * Throttling answers, where Meta refused the message, so it is safe to retry: Cloud API throughput (130429), pair
	 * rate limit (131056), and the Graph API's own call limits (4 application, 80007 business account).
	 */
	static final Set<Integer> RATE_LIMITS = Set.of(130429, 131056, 4, 80007);

	static final int MEDIA_UPLOAD_ERROR = 131053;

	/** Invalid or expired access token. */
	static final int ACCESS_TOKEN = 190;

	private GraphErrors() {
	}

	/** A Graph error read from an answer body, with the exception type Meta named ({@code OAuthException}...). */
	record GraphError(WhatsAppError error, @Nullable String type) {
	}

	static @Nullable GraphError read(JsonMapper mapper, byte[] body) {
		if (body.length == 0) {
			return null;
		}
		JsonNode error;
		try {
			error = mapper.readTree(body).path("error");
		}
		catch (JacksonException ex) {
			return null;
		}
		if (!error.isObject() || !error.path("code").canConvertToInt()) {
			return null;
		}
		String title = text(error, "error_user_title");
		if (title == null) {
			title = text(error, "message");
		}
		String details = text(error.path("error_data"), "details");
		if (details == null) {
			details = text(error, "error_user_msg");
		}
		return new GraphError(new WhatsAppError(error.path("code").asInt(), title == null ? "" : title, details),
				text(error, "type"));
	}

	static boolean isRateLimit(GraphError error) {
		return RATE_LIMITS.contains(error.error().code());
	}

	static boolean isAuthFailure(GraphError error, int httpStatus) {
		return error.error().code() == ACCESS_TOKEN
				|| ("OAuthException".equals(error.type()) && (httpStatus == 401 || httpStatus == 403));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString() : null;
	}
}

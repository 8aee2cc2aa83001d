package com.whatsappflowhub.integrations.jira;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.integrations.Connection;
import com.whatsappflowhub.integrations.ConnectionId;
import com.whatsappflowhub.integrations.ConnectionManagement;
import com.whatsappflowhub.integrations.Inbound;
import com.whatsappflowhub.integrations.InboundSignatures;
import com.whatsappflowhub.integrations.RemoteChange;
import com.whatsappflowhub.platform.Problems;
import com.whatsappflowhub.platform.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jira's webhooks for one connection: {@code jira:issue_updated}, {@code jira:issue_deleted}, {@code comment_created}.
 * Signed by Jira with the connection's {@code webhookSecret} ({@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body>}); anything unsigned, wrongly signed, or for a connection that does not exist is 401 and changes
 * nothing. Applied before the answer (so a 200 means it is stored), once per {@code X-Atlassian-Webhook-Identifier},
 * and our own changes coming back (the connection's own Jira account) are ignored.
 */
@Tag(name = "Integration webhooks")
@RestController
class JiraWebhookController {

	private static final Logger log = LoggerFactory.getLogger(JiraWebhookController.class);

	private static final int MAX_BODY = 1 << 20;

	private final ConnectionManagement connections;

	private final Inbound inbound;

	private final JiraConnector jira;

	private final JsonMapper json;

	JiraWebhookController(ConnectionManagement connections, Inbound inbound, JiraConnector jira, JsonMapper json) {
		this.connections = connections;
		this.inbound = inbound;
		this.jira = jira;
		this.json = json;
	}

	@Operation(operationId = "receiveJiraWebhook", summary = "Receive a Jira webhook for a connection", description = """
			Called by Jira. Register it in Jira (Settings → System → WebHooks) with the URL \
			`/webhooks/jira/{connectionId}`, the connection's `webhookSecret` as its secret, the events *Issue: \
			updated, deleted* and *Comment: created*, and a JQL filter such as `labels = flowhub`.""")
	@PostMapping(path = "/webhooks/jira/{connectionId}")
	ResponseEntity<?> receive(@PathVariable UUID connectionId, HttpServletRequest request,
			@RequestHeader(name = "X-Hub-Signature", required = false) @Nullable String signature,
			@RequestHeader(name = "X-Atlassian-Webhook-Identifier", required = false) @Nullable String identifier)
			throws IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			return refused(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The webhook is larger than " + MAX_BODY + " bytes.");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			return refused(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The webhook is larger than " + MAX_BODY + " bytes.");
		}
		Optional<Connection> found = connections.forInbound(new ConnectionId(connectionId), "jira-webhook")
			.filter(c -> JiraConnector.TYPE.equals(c.type()));
		String hex = signature != null && signature.startsWith("sha256=") ? signature.substring(7) : null;
		if (found.isEmpty() || !InboundSignatures.matchesHex(found.get().credential("webhookSecret"), body, hex)) {
			return refused(HttpStatus.UNAUTHORIZED, "signature-invalid",
					"X-Hub-Signature is missing or does not match the body for this connection's webhook secret.");
		}
		Connection connection = found.get();
		JsonNode event;
		try {
			event = json.readTree(body);
		}
		catch (RuntimeException ex) {
			return refused(HttpStatus.BAD_REQUEST, "malformed-body", "The body is not JSON.");
		}
		if (!connection.enabled()) {
			return ResponseEntity.ok(Map.of("result", "DISABLED"));
		}
		Inbound.Result result = TenantContext.callAs(connection.tenantId(),
				() -> handle(connection, event, identifier));
		return ResponseEntity.ok(Map.of("result", result.name()));
	}

	private Inbound.Result handle(Connection connection, JsonNode event, @Nullable String identifier) {
		String type = event.path("webhookEvent").asString("");
		JsonNode issue = event.path("issue");
		String key = issue.path("key").asString("");
		String eventId = identifier != null && !identifier.isBlank() ? identifier
				: type + ":" + issue.path("id").asString("") + ":" + event.path("timestamp").asString("")
						+ ":" + event.path("comment").path("id").asString("");
		if (key.isEmpty()) {
			return Inbound.Result.NOT_LINKED;
		}
		String self = connection.remoteSelf().path("accountId").asString("");
		switch (type) {
			case "jira:issue_updated" -> {
				JsonNode user = event.path("user");
				if (!self.isEmpty() && self.equals(user.path("accountId").asString(""))) {
					return Inbound.Result.UNCHANGED; // our own change coming back
				}
				return inbound.apply(connection, key, eventId, "webhook", change(connection, event));
			}
			case "jira:issue_deleted" -> {
				return inbound.deleted(connection, key, eventId, who(event.path("user")));
			}
			case "comment_created" -> {
				JsonNode comment = event.path("comment");
				JsonNode author = comment.path("author");
				if (!self.isEmpty() && self.equals(author.path("accountId").asString(""))) {
					return Inbound.Result.UNCHANGED; // a comment we wrote
				}
				return inbound.comment(connection, key, "comment:" + comment.path("id").asString(eventId), who(author),
						text(comment.path("body")));
			}
			default -> {
				log.debug("Jira event {} for {} is not one we act on", type, key);
				return Inbound.Result.UNCHANGED;
			}
		}
	}

	/** The fields the changelog names, with their values as the issue has them now. */
	private RemoteChange change(Connection connection, JsonNode event) {
		JsonNode fields = event.path("issue").path("fields");
		RemoteChange.Category status = null;
		boolean assigneeChanged = false;
		String assignee = null;
		String email = null;
		com.whatsappflowhub.tasks.Priority priority = null;
		java.time.LocalDate due = null;
		String title = null;
		for (JsonNode item : event.path("changelog").path("items")) {
			String field = item.path("fieldId").asString(item.path("field").asString("")).toLowerCase();
			switch (field) {
				case "status" -> status = JiraConnector.category(fields.path("status"));
				case "assignee" -> {
					assigneeChanged = true;
					JsonNode now = fields.path("assignee");
					assignee = now.isObject() ? now.path("accountId").asString(null) : null;
					if (assignee == null && !item.path("to").isNull() && !item.path("to").asString("").isEmpty()) {
						assignee = item.path("to").asString();
					}
					email = now.isObject() ? now.path("emailAddress").asString(null) : null;
				}
				case "priority" -> priority = jira.ourPriority(connection, fields.path("priority").path("name").asString(""));
				case "duedate" -> {
					String value = fields.path("duedate").asString("");
					due = value.length() >= 10 ? java.time.LocalDate.parse(value.substring(0, 10)) : null;
				}
				case "summary" -> title = fields.path("summary").asString(null);
				default -> {
				}
			}
		}
		return new RemoteChange(who(event.path("user")), status, assigneeChanged, assignee, email, priority, due, title);
	}

	private static String who(JsonNode user) {
		String name = user.path("displayName").asString("");
		return name.isBlank() ? user.path("accountId").asString("someone") : name;
	}

	/** A comment body: wiki markup (a string, as Jira's webhooks send it) or ADF (the v3 API), as plain text. */
	static String text(JsonNode body) {
		if (body.isString()) {
			return body.asString();
		}
		StringBuilder text = new StringBuilder();
		collect(body, text);
		return text.toString().strip();
	}

	private static void collect(JsonNode node, StringBuilder text) {
		if (node.path("type").asString("").equals("text")) {
			text.append(node.path("text").asString(""));
		}
		if (node.path("type").asString("").equals("hardBreak")) {
			text.append('\n');
		}
		for (JsonNode child : node.path("content")) {
			collect(child, text);
		}
		if (node.path("type").asString("").equals("paragraph")) {
			text.append("\n\n");
		}
	}

	private static ResponseEntity<ProblemDetail> refused(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(Problems.type(type));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}

package com.whatsappflowhub.integrations.slack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.integrations.Connection;
import com.whatsappflowhub.integrations.ConnectionManagement;
import com.whatsappflowhub.integrations.ConnectorFailure;
import com.whatsappflowhub.integrations.SyncLog;
import com.whatsappflowhub.platform.Problems;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.tasks.ExternalRef;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack's interactivity callback for every Slack connection: button clicks on our cards ({@code block_actions}) and
 * the Reassign modal's submission ({@code view_submission}), form-encoded as {@code payload=<JSON>}. Slack names no
 * connection, so the payload's team ({@code team.id}) and app ({@code api_app_id}) find the candidates (what each
 * connection's test learnt) and the one whose signing secret made {@code X-Slack-Signature} is it; a timestamp more
 * than five minutes off, a missing or wrong signature, or no connection for the team: 401, nothing changed.
 *
 * <p>Slack wants an answer within 3 s, so the work happens after it: a click is recorded as a
 * {@link SlackInteraction} (in the acknowledgement's transaction) and answered with an empty 200. One exception:
 * <em>Reassign</em> opens its modal here, because {@code views.open} needs the click's {@code trigger_id}, which
 * expires 3 s after the click; a durable retry later would be worth nothing, and the delivery engine gives no
 * latency guarantee under a backlog or an open breaker. The call waits 2 s at most; when it fails the user is told
 * by a message only they see.
 */
@Tag(name = "Integration webhooks")
@RestController
class SlackInteractivityController {

	static final String PATH = "/webhooks/slack/interactivity";

	private static final Logger log = LoggerFactory.getLogger(SlackInteractivityController.class);

	private static final int MAX_BODY = 1 << 20;

	private final ConnectionManagement connections;

	private final SlackConnector slack;

	private final TaskManagement tasks;

	private final SyncLog syncLog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	SlackInteractivityController(ConnectionManagement connections, SlackConnector slack, TaskManagement tasks,
			SyncLog syncLog, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			JsonMapper json, Clock clock) {
		this.connections = connections;
		this.slack = slack;
		this.tasks = tasks;
		this.syncLog = syncLog;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
		this.clock = clock;
	}

	@Operation(operationId = "receiveSlackInteraction", summary = "Receive a Slack button click or modal submission",
			description = """
					Called by Slack. Set it as the Slack app's Interactivity Request URL \
					(`https://<host>/webhooks/slack/interactivity`). The body is Slack's form-encoded `payload`, signed \
					with the app's signing secret (`X-Slack-Signature`, `X-Slack-Request-Timestamp`); the answer is an \
					empty 200 within Slack's 3 s, and the click is acted on after it.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
							schema = @Schema(type = "object", description = "`payload`: Slack's interaction payload "
									+ "(`block_actions`, `view_submission`) as JSON.", requiredProperties = "payload"))))
	@ApiResponse(responseCode = "200", description = "Acknowledged (empty), or Slack's `response_action: errors` for a "
			+ "Reassign modal submitted without a choice.", content = @Content)
	@ApiResponse(responseCode = "401", description = "`X-Slack-Request-Timestamp` is more than 300 s off, or "
			+ "`X-Slack-Signature` does not match the body for a Slack connection of the payload's team "
			+ "(`signature-invalid`).")
	@ApiResponse(responseCode = "413", description = "The body is larger than 1 MB (`too-large`).")
	@PostMapping(path = PATH)
	ResponseEntity<?> receive(HttpServletRequest request,
			@RequestHeader(name = "X-Slack-Request-Timestamp", required = false) @Nullable String timestamp,
			@RequestHeader(name = "X-Slack-Signature", required = false) @Nullable String signature)
			throws IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			return refused(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The request is larger than " + MAX_BODY + " bytes.");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			return refused(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The request is larger than " + MAX_BODY + " bytes.");
		}
		if (!SlackSignature.fresh(timestamp, clock.instant())) {
			return refused(HttpStatus.UNAUTHORIZED, "signature-invalid",
					"X-Slack-Request-Timestamp is missing or more than 300 s away from now.");
		}
		JsonNode payload = payload(body);
		List<Connection> signers = payload == null ? List.of()
				: candidates(payload).stream()
					.filter(c -> SlackSignature.matches(c.credential("signingSecret"), timestamp, body, signature))
					.toList();
		if (payload == null || signers.isEmpty()) {
			return refused(HttpStatus.UNAUTHORIZED, "signature-invalid",
					"X-Slack-Signature is missing or does not match the body for a Slack connection of this team.");
		}
		String user = payload.path("user").path("id").asString("");
		if (signers.stream().anyMatch(c -> user.equals(c.remoteSelf().path("user_id").asString(null)))) {
			return ResponseEntity.ok().build(); // our own bot: nothing of ours to act on
		}
		return switch (payload.path("type").asString("")) {
			case "block_actions" -> clicked(payload, signers);
			case "view_submission" -> submitted(payload, signers);
			default -> ResponseEntity.ok().build();
		};
	}

	/** Slack connections of the payload's team, of its app when the connection knows its app. */
	private List<Connection> candidates(JsonNode payload) {
		String team = payload.path("team").path("id").asString(payload.path("user").path("team_id").asString(""));
		String app = payload.path("api_app_id").asString("");
		if (team.isEmpty()) {
			return List.of();
		}
		return connections.forInbound(SlackConnector.TYPE, "team_id", team, "slack-interactivity")
			.stream()
			.filter(c -> {
				String known = c.remoteSelf().path("app_id").asString("");
				return known.isEmpty() || known.equals(app);
			})
			.toList();
	}

	private ResponseEntity<?> clicked(JsonNode payload, List<Connection> signers) {
		JsonNode action = payload.path("actions").path(0);
		String actionId = action.path("action_id").asString("");
		if (!SlackCard.ACCEPT.equals(actionId) && !SlackCard.REASSIGN.equals(actionId)) {
			return ResponseEntity.ok().build(); // View task is a link; Slack tells us about it all the same
		}
		UUID taskId = uuid(action.path("value").asString(""));
		JsonNode container = payload.path("container");
		String channel = container.path("channel_id").asString(payload.path("channel").path("id").asString(""));
		String ts = container.path("message_ts").asString(payload.path("message").path("ts").asString(""));
		JsonNode user = payload.path("user");
		String userId = user.path("id").asString("");
		if (taskId == null || channel.isEmpty() || ts.isEmpty() || userId.isEmpty()) {
			return ResponseEntity.ok().build();
		}
		String card = new SlackApi.MessageRef(channel, ts).key();
		if (SlackCard.ACCEPT.equals(actionId)) {
			String eventId = "block_actions:" + ts + ":" + action.path("action_ts").asString("") + ":" + userId;
			for (Connection connection : signers) {
				// where a team's app serves several connections, the one that linked the card acts, the others find nothing
				events.publishEvent(new SlackInteraction(connection.tenantId(), connection.id().value(),
						SlackInteraction.Kind.ACCEPT, eventId, card, channel, taskId, userId, name(user), null, null));
			}
			return ResponseEntity.ok().build();
		}
		openReassign(payload, signers, taskId, card, channel, userId, name(user));
		return ResponseEntity.ok().build();
	}

	private void openReassign(JsonNode payload, List<Connection> signers, UUID taskId, String card, String channel,
			String userId, String userName) {
		String trigger = payload.path("trigger_id").asString("");
		for (Connection connection : signers) {
			Optional<TaskView> task = TenantContext.callAs(connection.tenantId(),
					() -> transactions.execute(tx -> tasks.find(new TaskId(taskId))));
			if (task.isEmpty() || !madeBy(task.get(), connection, signers.size())) {
				continue;
			}
			ObjectNode metadata = json.createObjectNode();
			metadata.put("connection", connection.id().toString());
			metadata.put("card", card);
			metadata.put("channel", channel);
			metadata.put("task", taskId.toString());
			Instant start = clock.instant();
			TenantContext.runAs(connection.tenantId(), () -> {
				try {
					slack.openModal(connection, trigger, task.get().title(), json.writeValueAsString(metadata));
					syncLog.record(connection.id(), taskId, SyncLog.Direction.INBOUND, "reassign-dialog",
							SyncLog.Outcome.OK, Duration.between(start, clock.instant()), null, null, clock.instant());
				}
				catch (ConnectorFailure ex) {
					log.info("Could not open the Reassign modal of connection {}: {}", connection.id(), ex.getMessage());
					syncLog.record(connection.id(), taskId, SyncLog.Direction.INBOUND, "reassign-dialog",
							SyncLog.Outcome.FAILED, Duration.between(start, clock.instant()), ex.status(),
							ex.getMessage(), clock.instant());
					events.publishEvent(new SlackInteraction(connection.tenantId(), connection.id().value(),
							SlackInteraction.Kind.NOTICE, "notice:" + trigger, card, channel, taskId, userId, userName,
							null, "The Reassign dialog could not be opened in time; please click *Reassign* again."));
				}
			});
			return;
		}
	}

	/** With several candidates, the task's reference names the connection that made the card. */
	private static boolean madeBy(TaskView task, Connection connection, int candidates) {
		if (candidates == 1) {
			return true;
		}
		ExternalRef ref = task.externalRefs().get(SlackConnector.TYPE);
		return ref == null || ref.connectionId().equals(connection.id().toString());
	}

	private ResponseEntity<?> submitted(JsonNode payload, List<Connection> signers) {
		JsonNode view = payload.path("view");
		if (!SlackCard.MODAL.equals(view.path("callback_id").asString(""))) {
			return ResponseEntity.ok().build();
		}
		JsonNode metadata;
		try {
			metadata = json.readTree(view.path("private_metadata").asString("{}"));
		}
		catch (RuntimeException ex) {
			return ResponseEntity.ok().build();
		}
		Optional<Connection> connection = signers.stream()
			.filter(c -> c.id().toString().equals(metadata.path("connection").asString("")))
			.findFirst();
		UUID taskId = uuid(metadata.path("task").asString(""));
		String card = metadata.path("card").asString("");
		String channel = metadata.path("channel").asString("");
		JsonNode user = payload.path("user");
		if (connection.isEmpty() || taskId == null || card.isEmpty() || user.path("id").asString("").isEmpty()) {
			return ResponseEntity.ok().build();
		}
		String chosen = view.path("state")
			.path("values")
			.path(SlackCard.PICKER_BLOCK)
			.path(SlackCard.PICKER)
			.path("selected_user")
			.asString("");
		if (chosen.isEmpty()) {
			return ResponseEntity.ok(Map.of("response_action", "errors", "errors",
					Map.of(SlackCard.PICKER_BLOCK, "Choose the person to give the task to.")));
		}
		String viewId = view.path("id").asString("");
		String eventId = "view_submission:" + (viewId.isEmpty() ? payload.path("trigger_id").asString("") : viewId);
		Connection target = connection.get();
		events.publishEvent(new SlackInteraction(target.tenantId(), target.id().value(), SlackInteraction.Kind.REASSIGN,
				eventId, card, channel, taskId, user.path("id").asString(), name(user), chosen, null));
		return ResponseEntity.ok().build(); // an empty 200 closes the modal
	}

	/** The form's {@code payload}, as JSON; null when there is none. */
	private @Nullable JsonNode payload(byte[] body) {
		String form = new String(body, StandardCharsets.UTF_8);
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals("payload")) {
				try {
					JsonNode parsed = json.readTree(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
					return parsed.isObject() ? parsed : null;
				}
				catch (RuntimeException malformed) {
					return null;
				}
			}
		}
		return null;
	}

	private static String name(JsonNode user) {
		for (String field : new String[] { "name", "username", "id" }) {
			String value = user.path(field).asString("");
			if (!value.isBlank()) {
				return value;
			}
		}
		return "someone";
	}

	private static @Nullable UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseEntity<ProblemDetail> refused(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(Problems.type(type));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}

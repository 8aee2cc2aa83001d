package com.whatsappflowhub.integrations.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.integrations.Connection;
import com.whatsappflowhub.integrations.ConnectionId;
import com.whatsappflowhub.integrations.ConnectionManagement;
import com.whatsappflowhub.integrations.ConnectorFailure;
import com.whatsappflowhub.integrations.Inbound;
import com.whatsappflowhub.integrations.RemoteChange;
import com.whatsappflowhub.integrations.SyncLog;
import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on a click after Slack has had its answer: finds the member of staff behind the Slack user (the mapped
 * identity, else the e-mail address {@code users.info} gives, which is then mapped), and assigns the task through
 * {@link Inbound} (once per click, as {@code INTEGRATION slack:<name>}). The card is not touched here: the
 * assignment is recorded as <em>not</em> shown by the card yet, so the task's ordinary sync rewrites it
 * ({@code chat.update}) like after any other change. Someone who is nobody here gets a message only they see
 * ({@code chat.postEphemeral}) and the task stays as it was.
 */
@Component
class SlackInteractions implements Delivery<SlackInteraction> {

	private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

	private static final Spec<SlackInteraction> SPEC = Spec.of("integrations.slack-interactions", SlackInteraction.class)
		.maxAttempts(6)
		.backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

	private final SlackConnector slack;

	private final ConnectionManagement connections;

	private final Inbound inbound;

	private final TaskManagement tasks;

	private final SyncLog syncLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SlackInteractions(SlackConnector slack, ConnectionManagement connections, Inbound inbound, TaskManagement tasks,
			SyncLog syncLog, PlatformTransactionManager transactionManager, Clock clock) {
		this.slack = slack;
		this.connections = connections;
		this.inbound = inbound;
		this.tasks = tasks;
		this.syncLog = syncLog;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	public Spec<SlackInteraction> spec() {
		return SPEC;
	}

	@Override
	public @Nullable String key(SlackInteraction interaction) {
		return interaction.connectionId() + ":" + interaction.eventId();
	}

	@Override
	public String destination(SlackInteraction interaction) {
		return SlackConnector.TYPE + ":" + interaction.connectionId();
	}

	@Override
	public Outcome deliver(SlackInteraction interaction, int attempt) {
		Connection connection = connections
			.forInbound(new ConnectionId(interaction.connectionId()), "slack-interaction")
			.filter(c -> c.enabled() && SlackConnector.TYPE.equals(c.type())
					&& c.tenantId().equals(interaction.tenantId()))
			.orElse(null);
		if (connection == null) {
			return Outcome.DONE; // removed or disabled since the click
		}
		Instant start = clock.instant();
		String operation = interaction.kind().name().toLowerCase();
		try {
			if (interaction.kind() == SlackInteraction.Kind.NOTICE) {
				slack.whisper(connection, interaction.channel(), interaction.userId(), String.valueOf(interaction.notice()));
				return Outcome.DONE;
			}
			assign(connection, interaction);
			return Outcome.DONE;
		}
		catch (ConnectorFailure ex) {
			transactions.executeWithoutResult(tx -> syncLog.record(connection.id(), interaction.taskId(),
					SyncLog.Direction.INBOUND, operation, ex.permanent() ? SyncLog.Outcome.FAILED : SyncLog.Outcome.RETRY,
					Duration.between(start, clock.instant()), ex.status(), ex.getMessage(), clock.instant()));
			if (ex.permanent()) {
				return Outcome.failed(ex.getMessage());
			}
			return ex.retryAfter() != null ? Outcome.retryAfter(ex.getMessage(), ex.retryAfter())
					: Outcome.retry(ex.getMessage());
		}
	}

	private void assign(Connection connection, SlackInteraction interaction) {
		TaskView task = transactions.execute(tx -> tasks.find(new TaskId(interaction.taskId())).orElse(null));
		if (task == null) {
			return;
		}
		if (!task.status().isOpen()) {
			slack.whisper(connection, interaction.channel(), interaction.userId(),
					"*" + SlackCard.escape(task.title()) + "* is " + task.status().name().toLowerCase().replace('_', ' ')
							+ " already; it was not assigned.");
			return;
		}
		String target = interaction.assignee();
		Optional<UserId> member = transactions.execute(tx -> inbound.member(SlackConnector.TYPE, target, null));
		String email = null;
		if (member.isEmpty()) {
			email = slack.email(connection, target);
			String found = email;
			member = transactions.execute(tx -> inbound.member(SlackConnector.TYPE, target, found));
		}
		RemoteChange change = new RemoteChange(interaction.userName(), null, true, target, email, null, null, null);
		Inbound.Result result = inbound.apply(connection, interaction.card(), interaction.eventId(),
				interaction.kind() == SlackInteraction.Kind.ACCEPT ? "accept" : "reassign", change, false);
		log.debug("Slack {} on {} for task {}: {}", interaction.kind(), interaction.card(), task.id(), result);
		if (member.isEmpty() && (result == Inbound.Result.APPLIED || result == Inbound.Result.UNCHANGED)) {
			String who = interaction.kind() == SlackInteraction.Kind.ACCEPT ? "You are"
					: "<@" + SlackCard.escape(target) + "> is";
			slack.whisper(connection, interaction.channel(), interaction.userId(), who
					+ " not a member of staff in WhatsAppFlowHub (no account has this Slack user or its e-mail address),"
					+ " so *" + SlackCard.escape(task.title()) + "* was not assigned.");
		}
	}
}

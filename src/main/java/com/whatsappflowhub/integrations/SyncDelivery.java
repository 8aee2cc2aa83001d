package com.whatsappflowhub.integrations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.tasks.Actor;
import com.whatsappflowhub.tasks.ExternalRef;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskView;
import com.whatsappflowhub.workflow.TaskConditions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries sync work to the tools on the delivery engine (own workers, a breaker and a concurrency limit per
 * connection, backoff, dead letters). Each call pushes the task as it is when the call is made, so it is idempotent
 * and a burst of changes costs one call: a link that is in sync up to the task's version needs nothing. Creating the
 * far end's object is claimed first (two workers never make two), and a retry whose earlier attempt may have
 * reached the far end looks for what it made before making another.
 */
@Component
class SyncDelivery implements Delivery<SyncRequested> {

	private static final Logger log = LoggerFactory.getLogger(SyncDelivery.class);

	/** How long a worker holds the right to create an object: longer than one call with its timeouts. */
	private static final Duration CREATE_LEASE = Duration.ofMinutes(2);

	private final Spec<SyncRequested> spec;

	private final Map<String, Connector> connectors;

	private final Connections connections;

	private final Links links;

	private final SyncLog syncLog;

	private final TaskManagement tasks;

	private final TaskConditions conditions;

	private final Directory directory;

	private final Inbox inbox;

	private final IntegrationSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SyncDelivery(List<Connector> connectors, Connections connections, Links links, SyncLog syncLog,
			TaskManagement tasks, TaskConditions conditions, Directory directory, Inbox inbox,
			IntegrationSettings settings, PlatformTransactionManager transactionManager, Clock clock) {
		this.connectors = connectors.stream().collect(Collectors.toUnmodifiableMap(Connector::type, Function.identity()));
		this.connections = connections;
		this.links = links;
		this.syncLog = syncLog;
		this.tasks = tasks;
		this.conditions = conditions;
		this.directory = directory;
		this.inbox = inbox;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.spec = Spec.of("integrations.sync", SyncRequested.class)
			.backoff(settings.syncBackoff(), Duration.ofMinutes(10))
			.lease(Duration.ofMinutes(3));
	}

	@Override
	public Spec<SyncRequested> spec() {
		return spec;
	}

	@Override
	public @Nullable String key(SyncRequested request) {
		return switch (request.operation()) {
			// a rule's push_to comes with the task's own creation request: its own key, or it would be dropped as a duplicate
			case CREATE -> (request.forced() ? "push:" : "create:") + request.connectionId() + ":" + request.taskId();
			case COMMENT -> "comment:" + request.connectionId() + ":" + request.commentId();
			case UPDATE -> null; // every change is its own work; the version check makes the late ones free
		};
	}

	@Override
	public String destination(SyncRequested request) {
		return request.connectionType() + ":" + request.connectionId();
	}

	/** What one attempt needs, read in one short transaction. */
	private record State(Connection connection, TaskView task, Optional<Links.Link> link) {
	}

	@Override
	public Outcome deliver(SyncRequested request, int attempt) {
		ConnectionId connectionId = new ConnectionId(request.connectionId());
		TaskId taskId = new TaskId(request.taskId());
		State state = transactions.execute(tx -> connections.findById(connectionId)
			.map(Connections.Stored::connection)
			.filter(Connection::enabled)
			.flatMap(c -> tasks.find(taskId).map(t -> new State(c, t, links.find(connectionId, taskId))))
			.orElse(null));
		if (state == null) {
			return Outcome.DONE; // the connection was removed or disabled, or the task is gone
		}
		Connector connector = connectors.get(state.connection().type());
		if (connector == null) {
			return Outcome.failed("no connector for " + state.connection().type());
		}
		Remote remote = state.link().map(Links.Link::remote).orElse(null);
		String operation = request.operation().name().toLowerCase();
		Instant start = clock.instant();
		try {
			if (request.operation() == SyncRequested.Operation.COMMENT) {
				if (remote == null) {
					return state.link().isPresent() ? Outcome.retry("the far end's object is being created")
							: Outcome.DONE; // the task does not live there
				}
				connector.comment(state.connection(), context(state), remote, String.valueOf(request.author()),
						String.valueOf(request.body()));
				transactions.executeWithoutResult(tx -> logged(state, operation, start, null));
				return Outcome.DONE;
			}
			if (remote != null) {
				if (state.link().get().syncedVersion() >= state.task().version()) {
					return Outcome.DONE; // nothing new since the last push (or the change came from there)
				}
				connector.update(state.connection(), context(state), remote);
				int version = state.task().version();
				transactions.executeWithoutResult(tx -> {
					links.synced(connectionId, taskId, version, clock.instant());
					logged(state, "update", start, null);
				});
				return Outcome.DONE;
			}
			if (!wanted(request, state)) {
				return Outcome.DONE;
			}
			return create(connector, state, attempt, start);
		}
		catch (ConnectorFailure ex) {
			Duration took = Duration.between(start, clock.instant());
			transactions.executeWithoutResult(tx -> syncLog.record(connectionId, request.taskId(),
					SyncLog.Direction.OUTBOUND, operation, ex.permanent() ? SyncLog.Outcome.FAILED : SyncLog.Outcome.RETRY,
					took, ex.status(), ex.getMessage(), clock.instant()));
			if (remote == null && request.operation() != SyncRequested.Operation.COMMENT && ex.status() != null) {
				transactions.executeWithoutResult(tx -> links.release(connectionId, taskId)); // nothing was made
			}
			if (ex.permanent()) {
				return Outcome.failed(ex.getMessage());
			}
			return ex.retryAfter() != null ? Outcome.retryAfter(ex.getMessage(), ex.retryAfter())
					: Outcome.retry(ex.getMessage());
		}
	}

	private Outcome create(Connector connector, State state, int attempt, Instant start) {
		ConnectionId connectionId = state.connection().id();
		TaskId taskId = state.task().id();
		boolean claimed = Boolean.TRUE.equals(transactions
			.execute(tx -> links.claim(connectionId, taskId, clock.instant(), CREATE_LEASE)));
		if (!claimed) {
			return Outcome.retry("another attempt is creating it");
		}
		SyncTask task = context(state);
		// an earlier claim that ran out, or an earlier attempt of this one, may have reached the far end
		Remote remote = (state.link().isPresent() || attempt > 1)
				? connector.find(state.connection(), task).orElse(null) : null;
		String operation = remote == null ? "create" : "adopt";
		Remote made = remote != null ? remote : connector.create(state.connection(), task);
		int version = state.task().version();
		transactions.executeWithoutResult(tx -> {
			Instant now = clock.instant();
			links.linked(connectionId, taskId, made, version, now);
			TaskView linked = tasks.apply(taskId,
					new Actor(Actor.Type.INTEGRATION, state.connection().type() + ":" + state.connection().name()),
					steps -> steps.link(state.connection().type(),
							new ExternalRef(connectionId.toString(), made.key(), made.url(), now)));
			if (linked.version() == version + 1) {
				links.synced(connectionId, taskId, linked.version(), now); // the link is the only change since
			}
			logged(state, operation, start, null);
		});
		return Outcome.DONE;
	}

	/** Whether a task not yet there should go there now. */
	private boolean wanted(SyncRequested request, State state) {
		TaskView task = state.task();
		if (request.forced()) {
			return true;
		}
		if (task.suggested() || !task.status().isOpen()) {
			return false; // suggestions wait for a person; closed work is not news
		}
		String filter = state.connection().filter();
		if (filter == null) {
			return true;
		}
		try {
			return conditions.matches(filter, variables(task));
		}
		catch (Exception ex) {
			log.warn("The filter of connection {} failed on task {}: {}", state.connection().id(), task.id(),
					ex.getMessage());
			return false;
		}
	}

	/** The {@code task} a connection's filter sees. */
	static Map<String, Object> variables(TaskView task) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("id", task.id().toString());
		variables.put("title", task.title());
		variables.put("description", task.description() == null ? "" : task.description());
		variables.put("priority", task.priority().code());
		variables.put("status", task.status().name().toLowerCase());
		variables.put("labels", task.labels());
		variables.put("assignee", task.assigneeId() == null ? "" : task.assigneeId().toString());
		variables.put("team", task.teamId() == null ? "" : task.teamId().toString());
		variables.put("hasDeadline", task.deadline() != null);
		variables.put("confidence", task.confidence() == null ? 1.0 : task.confidence());
		variables.put("fromWhatsApp", task.sourceMessageId() != null);
		return variables;
	}

	private SyncTask context(State state) {
		return transactions.execute(tx -> {
			TaskView task = state.task();
			ZoneId zone = ZoneId.of(directory.settings().timezone());
			SyncTask.Source source = null;
			if (task.sourceMessageId() != null) {
				MessageView message = inbox.message(new MessageId(task.sourceMessageId())).orElse(null);
				if (message != null && message.text() != null) {
					String sender = message.senderName() != null ? message.senderName()
							: message.senderWaId() != null ? "+" + message.senderWaId() : "WhatsApp";
					source = new SyncTask.Source(message.text(), sender, message.sentAt());
				}
			}
			SyncTask.Assignee assignee = null;
			if (task.assigneeId() != null) {
				StaffMember member = directory.member(task.assigneeId()).orElse(null);
				if (member != null) {
					assignee = new SyncTask.Assignee(member.id(), member.name(), member.email(),
							directory.externalIdentity(member.id(), state.connection().type()).orElse(null));
				}
			}
			return new SyncTask(task, zone, settings.taskUrl(task.id()), source, assignee);
		});
	}

	private void logged(State state, String operation, Instant start, @Nullable Integer status) {
		syncLog.record(state.connection().id(), state.task().id().value(), SyncLog.Direction.OUTBOUND, operation,
				SyncLog.Outcome.OK, Duration.between(start, clock.instant()), status, null, clock.instant());
	}

	@Override
	public void deadLettered(SyncRequested request, String error) {
		log.warn("Sync of task {} to connection {} is a dead letter: {}", request.taskId(), request.connectionId(), error);
	}
}

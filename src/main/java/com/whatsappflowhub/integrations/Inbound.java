package com.whatsappflowhub.integrations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.tasks.Actor;
import com.whatsappflowhub.tasks.Deadline;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import com.whatsappflowhub.tasks.TransitionNotAllowed;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what changed in a tool to the task linked to it, in the connection's tenant: once per inbound event (tools
 * deliver webhooks at least once), as the tool's user ({@code INTEGRATION jira:Jane Doe} in the history), and
 * recording the task version it produced as in sync, so that our own push does not echo it back. A change that
 * says nothing new changes nothing (that is how the echo of our own pushes ends).
 */
@Service
public class Inbound {

	private final Links links;

	private final SyncLog syncLog;

	private final TaskManagement tasks;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbound(Links links, SyncLog syncLog, TaskManagement tasks, Directory directory, JdbcClient jdbc, Clock clock) {
		this.links = links;
		this.syncLog = syncLog;
		this.tasks = tasks;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What became of an inbound event. */
	public enum Result {

		APPLIED, UNCHANGED, DUPLICATE, NOT_LINKED

	}

	/** Records an inbound event id; false when it was seen before. Call inside the applying transaction. */
	boolean firstTime(ConnectionId connection, String eventId) {
		return jdbc.sql("""
				INSERT INTO inbound_event (tenant_id, connection_id, event_id, received_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(TenantContext.require().value(), connection.value(), eventId, Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/** Applies a change to the task linked to {@code remoteKey}; runs in the connection's tenant. */
	@Transactional
	public Result apply(Connection connection, String remoteKey, @Nullable String eventId, String operation,
			RemoteChange change) {
		return apply(connection, remoteKey, eventId, operation, change, true);
	}

	/**
	 * The same, saying whether the far end's object already shows the change. A change made in the tool's object
	 * (a Jira issue edited there) does, so the version it produces is recorded as in sync and not pushed back. A
	 * change asked for through controls we put there (Slack's <em>Accept</em> button on our card) does not: the card
	 * still shows the task as it was, so the link stays behind and the task's normal sync refreshes it.
	 */
	@Transactional
	public Result apply(Connection connection, String remoteKey, @Nullable String eventId, String operation,
			RemoteChange change, boolean farEndShowsIt) {
		Instant start = clock.instant();
		if (eventId != null && !firstTime(connection.id(), eventId)) {
			return Result.DUPLICATE;
		}
		Optional<Links.Link> link = links.findByKey(connection.id(), remoteKey);
		if (link.isEmpty()) {
			return Result.NOT_LINKED;
		}
		TaskId taskId = link.get().task();
		TaskView before = tasks.find(taskId).orElse(null);
		if (before == null || change.isEmpty()) {
			return Result.UNCHANGED;
		}
		Actor by = new Actor(Actor.Type.INTEGRATION, connection.type() + ":" + change.who());
		ZoneId zone = ZoneId.of(directory.settings().timezone());
		StringBuilder skipped = new StringBuilder();
		TaskView after = tasks.apply(taskId, by, steps -> {
			if (change.title() != null && !change.title().isBlank()) {
				steps.title(change.title());
			}
			if (change.priority() != null) {
				steps.priority(change.priority(), null);
			}
			if (change.dueDate() != null) {
				TaskView current = steps.current();
				if (current.deadline() == null
						|| !current.deadline().at().atZone(zone).toLocalDate().equals(change.dueDate())) {
					steps.deadline(new Deadline(change.dueDate().atTime(LocalTime.of(23, 59)).atZone(zone).toInstant(),
							"day"));
				}
			}
			if (change.assigneeChanged()) {
				UserId assignee = change.assigneeRemoteId() == null ? null
						: member(connection.type(), change.assigneeRemoteId(), change.assigneeEmail()).orElse(null);
				if (assignee != null || change.assigneeRemoteId() == null) {
					steps.assignTo(assignee, null);
				}
				else {
					skipped.append("assignee ").append(change.assigneeRemoteId()).append(" is nobody here; ");
				}
			}
			if (change.status() != null) {
				try {
					move(steps, change.status());
				}
				catch (TransitionNotAllowed ex) {
					skipped.append(ex.getMessage()).append("; ");
				}
			}
			return steps;
		});
		if (farEndShowsIt) {
			links.synced(connection.id(), taskId, after.version(), clock.instant());
		}
		boolean changed = after.version() != before.version();
		syncLog.record(connection.id(), taskId.value(), SyncLog.Direction.INBOUND, operation,
				changed ? SyncLog.Outcome.OK : SyncLog.Outcome.IGNORED, Duration.between(start, clock.instant()), null,
				skipped.isEmpty() ? null : skipped.toString(), clock.instant());
		return changed ? Result.APPLIED : Result.UNCHANGED;
	}

	/**
	 * Applies the state a reconciliation pass read from the tool, for a task that has no change of ours still on its
	 * way there and that the tool changed after our last sync ({@code updatedThere}); otherwise ours wins (it is
	 * being pushed).
	 */
	@Transactional
	public Result reconcile(Connection connection, String remoteKey, Instant updatedThere, RemoteChange change) {
		Optional<Links.Link> link = links.findByKey(connection.id(), remoteKey);
		if (link.isEmpty()) {
			return Result.NOT_LINKED;
		}
		TaskView task = tasks.find(link.get().task()).orElse(null);
		Instant syncedAt = link.get().syncedAt();
		if (task == null || link.get().syncedVersion() < task.version()
				|| syncedAt != null && !updatedThere.isAfter(syncedAt)) {
			return Result.UNCHANGED;
		}
		return apply(connection, remoteKey, null, "reconcile", change);
	}

	/** Adds a comment written in the tool to the linked task (once per comment id). */
	@Transactional
	public Result comment(Connection connection, String remoteKey, String eventId, String author, String body) {
		if (!firstTime(connection.id(), eventId)) {
			return Result.DUPLICATE;
		}
		Optional<Links.Link> link = links.findByKey(connection.id(), remoteKey);
		if (link.isEmpty()) {
			return Result.NOT_LINKED;
		}
		if (body.isBlank()) {
			return Result.UNCHANGED;
		}
		tasks.comment(link.get().task(), new Actor(Actor.Type.INTEGRATION, connection.type() + ":" + author),
				connection.type() + ":" + author, body);
		syncLog.record(connection.id(), link.get().task().value(), SyncLog.Direction.INBOUND, "comment",
				SyncLog.Outcome.OK, null, null, null, clock.instant());
		return Result.APPLIED;
	}

	/** The far end's object is gone: the task stays, without its link. */
	@Transactional
	public Result deleted(Connection connection, String remoteKey, @Nullable String eventId, String who) {
		if (eventId != null && !firstTime(connection.id(), eventId)) {
			return Result.DUPLICATE;
		}
		Optional<Links.Link> link = links.findByKey(connection.id(), remoteKey);
		if (link.isEmpty()) {
			return Result.NOT_LINKED;
		}
		TaskId taskId = link.get().task();
		links.delete(connection.id(), taskId);
		tasks.apply(taskId, new Actor(Actor.Type.INTEGRATION, connection.type() + ":" + who),
				steps -> steps.unlink(connection.type()));
		syncLog.record(connection.id(), taskId.value(), SyncLog.Direction.INBOUND, "deleted", SyncLog.Outcome.OK, null,
				null, null, clock.instant());
		return Result.APPLIED;
	}

	/** The member behind a tool's user: by the mapped identity, else by e-mail (and then mapped). */
	public Optional<UserId> member(String system, String remoteId, @Nullable String email) {
		Optional<StaffMember> mapped = directory.findByExternalIdentity(system, remoteId);
		if (mapped.isPresent()) {
			return mapped.map(StaffMember::id);
		}
		if (email == null || email.isBlank() || !email.contains("@")) {
			return Optional.empty();
		}
		Optional<StaffMember> byEmail = directory.findByEmail(email);
		byEmail.ifPresent(member -> directory.identify(member.id(), system, remoteId));
		return byEmail.map(StaffMember::id);
	}

	private static void move(TaskManagement.Steps steps, RemoteChange.Category category) {
		TaskStatus status = steps.current().status();
		switch (category) {
			case DONE -> {
				if (status.isOpen()) {
					steps.complete();
				}
			}
			case IN_PROGRESS -> {
				if (!status.isOpen()) {
					steps.reopen("reopened in the tool");
				}
				if (steps.current().status() != TaskStatus.IN_PROGRESS) {
					steps.start();
				}
			}
			case TODO -> {
				if (!status.isOpen()) {
					steps.reopen("reopened in the tool");
				}
			}
		}
	}
}

package com.whatsappflowhub.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.ConversationHistory;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes the tasks of the current tenant. People act through a {@link Viewer} (what they see
 * and may change follows their role), the pipeline and rules through an {@link Actor}. Each change is stored
 * with its history and publishes its events in the same transaction.
 */
@Service
public class TaskManagement {

	private final Tasks tasks;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ConversationHistory history;

	TaskManagement(Tasks tasks, Directory directory, ApplicationEventPublisher events, Clock clock,
			ConversationHistory history) {
		this.history = history;
		this.tasks = tasks;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/** A task written by hand. */
	public record NewTask(String title, @Nullable String description, @Nullable Priority priority,
			@Nullable UserId assignee, @Nullable TeamId team, @Nullable Deadline deadline, List<String> labels) {
	}

	/**
	 * A task proposed by the pipeline for a message. {@code originKey} (e.g. {@code message:<id>:0}) makes the
	 * creation idempotent: proposing the same task twice creates it once.
	 */
	public record Proposal(String originKey, String title, @Nullable String description, Priority priority,
			@Nullable UserId assignee, @Nullable TeamId team, @Nullable Deadline deadline, double confidence,
			List<Evidence> evidence, List<String> labels, @Nullable UUID sourceMessageId,
			@Nullable UUID sourceConversationId, @Nullable UserId sourceSender, boolean suggested) {
	}

	/** Field changes; {@code null} keeps a field. */
	public record Changes(@Nullable String title, @Nullable String description, @Nullable Priority priority,
			@Nullable Deadline deadline, @Nullable List<String> labels) {
	}

	public record Page(List<TaskView> items, @Nullable String nextCursor) {
	}

	public record HistoryLine(Instant at, String actorType, @Nullable String actorId, String action,
			java.util.Map<String, Object> changes, @Nullable String reason) {
	}

	public record Comment(UUID id, String authorId, String body, Instant createdAt) {
	}

	@Transactional
	public TaskView create(NewTask request, Viewer viewer) {
		if (!viewer.canWrite()) {
			throw new AccessDeniedException("read-only");
		}
		checkAssignment(request.assignee(), request.team());
		Actor by = viewer.userId() == null ? Actor.system("api") : Actor.user(viewer.userId());
		Task task = Task.create(TenantContext.require(),
				new Task.Draft(request.title(), request.description(),
						request.priority() == null ? Priority.MEDIUM : request.priority(), request.assignee(),
						request.team(), request.deadline(), null, List.of(), request.labels(), null, null, null, null,
						false),
				by, clock.instant());
		tasks.insert(task);
		publish(task);
		return task.view();
	}

	/** @return the new task, or empty when this origin has a task already */
	@Transactional
	public Optional<TaskView> propose(Proposal proposal, Actor by) {
		Task task = Task.create(TenantContext.require(),
				new Task.Draft(proposal.title(), proposal.description(), proposal.priority(), proposal.assignee(),
						proposal.team(), proposal.deadline(), proposal.confidence(), proposal.evidence(),
						proposal.labels(), proposal.sourceMessageId(), proposal.sourceConversationId(),
						proposal.sourceSender(), proposal.originKey(), proposal.suggested()),
				by, clock.instant());
		if (!tasks.insert(task)) {
			return Optional.empty();
		}
		publish(task);
		return Optional.of(task.view());
	}

	@Transactional(readOnly = true)
	public TaskView get(TaskId id, Viewer viewer) {
		return visible(id, viewer).view();
	}

	/** A task of the current tenant, for modules acting on the tenant's behalf (not for a person: see {@link #get}). */
	@Transactional(readOnly = true)
	public Optional<TaskView> find(TaskId id) {
		return tasks.findById(id).map(Task::view);
	}

	@Transactional(readOnly = true)
	public Page list(TaskFilter filter, Viewer viewer, @Nullable String cursor, int limit) {
		Tasks.Page page = tasks.search(filter, viewer, cursor, limit);
		return new Page(page.items(), page.nextCursor());
	}

	@Transactional(readOnly = true)
	public List<TaskView> fromMessage(UUID messageId) {
		return tasks.findBySourceMessage(messageId).stream().map(Task::view).toList();
	}

	@Transactional
	public TaskView change(TaskId id, @Nullable Integer expectedVersion, Changes changes, Viewer viewer) {
		return write(id, expectedVersion, viewer, (task, by, now) -> task.update(changes.title(), changes.description(),
				changes.priority(), changes.deadline(), changes.labels(), by, now, null));
	}

	@Transactional
	public TaskView start(TaskId id, @Nullable Integer expectedVersion, Viewer viewer) {
		return write(id, expectedVersion, viewer, (task, by, now) -> task.start(by, now));
	}

	@Transactional
	public TaskView block(TaskId id, @Nullable Integer expectedVersion, @Nullable String reason, Viewer viewer) {
		return write(id, expectedVersion, viewer, (task, by, now) -> task.block(by, now, reason));
	}

	@Transactional
	public TaskView complete(TaskId id, @Nullable Integer expectedVersion, Viewer viewer) {
		return write(id, expectedVersion, viewer, (task, by, now) -> task.complete(by, now));
	}

	@Transactional
	public TaskView cancel(TaskId id, @Nullable Integer expectedVersion, @Nullable String reason, Viewer viewer) {
		return write(id, expectedVersion, viewer, (task, by, now) -> task.cancel(by, now, reason));
	}

	@Transactional
	public TaskView reopen(TaskId id, @Nullable Integer expectedVersion, @Nullable String reason, Viewer viewer) {
		return write(id, expectedVersion, viewer, (task, by, now) -> task.reopen(by, now, reason));
	}

	@Transactional
	public TaskView confirm(TaskId id, Viewer viewer) {
		return write(id, null, viewer, (task, by, now) -> task.confirm(by, now));
	}

	@Transactional
	public TaskView assign(TaskId id, @Nullable Integer expectedVersion, @Nullable UserId assignee,
			@Nullable TeamId team, Viewer viewer) {
		checkAssignment(assignee, team);
		return write(id, expectedVersion, viewer, (task, by, now) -> task.assignTo(assignee, team, by, now));
	}

	/** A change made by the pipeline, a rule, WhatsApp or an integration rather than a person. */
	@Transactional
	public TaskView apply(TaskId id, Actor by, UnaryOperator<Steps> change) {
		Task task = tasks.findById(id).orElseThrow(() -> new TaskNotFound(id));
		change.apply(new Steps(task, by, clock.instant()));
		return save(task);
	}

	/** The steps a non-human actor may take on a task, see {@link #apply}. */
	public static final class Steps {

		private final Task task;

		private final Actor by;

		private final Instant now;

		Steps(Task task, Actor by, Instant now) {
			this.task = task;
			this.by = by;
			this.now = now;
		}

		public TaskView current() {
			return task.view();
		}

		public Steps complete() {
			task.complete(by, now);
			return this;
		}

		public Steps confirm() {
			task.confirm(by, now);
			return this;
		}

		public Steps assignTo(@Nullable UserId assignee, @Nullable TeamId team) {
			task.assignTo(assignee, team, by, now);
			return this;
		}

		public Steps priority(Priority priority, @Nullable String reason) {
			task.update(null, null, priority, null, null, by, now, reason);
			return this;
		}

		public Steps labels(List<String> labels) {
			task.update(null, null, null, null, labels, by, now, null);
			return this;
		}

		public Steps start() {
			task.start(by, now);
			return this;
		}

		public Steps reopen(@Nullable String reason) {
			task.reopen(by, now, reason);
			return this;
		}

		public Steps deadline(Deadline deadline) {
			task.update(null, null, null, deadline, null, by, now, null);
			return this;
		}

		public Steps title(String title) {
			task.update(title, null, null, null, null, by, now, null);
			return this;
		}

		/** The task lives in another tool too; {@code system} names it (e.g. {@code jira}). */
		public Steps link(String system, ExternalRef ref) {
			task.link(system, ref, by, now);
			return this;
		}

		public Steps unlink(String system) {
			task.unlink(system, by, now);
			return this;
		}
	}

	/** A comment written elsewhere (in Jira, in Slack) by {@code author}, as seen by {@code by}. */
	@Transactional
	public Comment comment(TaskId id, Actor by, String author, String body) {
		Task task = tasks.findById(id).orElseThrow(() -> new TaskNotFound(id));
		Comment comment = new Comment(UUID.randomUUID(), author, body.trim(), clock.instant());
		tasks.insertComment(task.id(), comment, TenantContext.require());
		events.publishEvent(new TaskCommented(task.view(), comment, by));
		return comment;
	}

	@Transactional
	public Comment comment(TaskId id, String body, Viewer viewer) {
		Task task = visible(id, viewer);
		if (!viewer.canWrite()) {
			throw new AccessDeniedException("read-only");
		}
		Comment comment = new Comment(UUID.randomUUID(), viewer.userId() == null ? "api" : viewer.userId().toString(),
				body.trim(), clock.instant());
		tasks.insertComment(task.id(), comment, TenantContext.require());
		events.publishEvent(new TaskCommented(task.view(), comment,
				viewer.userId() == null ? Actor.system("api") : Actor.user(viewer.userId())));
		return comment;
	}

	@Transactional(readOnly = true)
	public List<Comment> comments(TaskId id, Viewer viewer) {
		visible(id, viewer);
		return tasks.comments(id);
	}

	@Transactional(readOnly = true)
	public List<HistoryLine> history(TaskId id, Viewer viewer) {
		visible(id, viewer);
		return tasks.history(id);
	}

	/** What one sweep of the current tenant's deadlines did. */
	public record DeadlineSweep(int reminded, int overdue, int escalated, int windowsClosing) {
	}

	/**
	 * Reminds assignees of deadlines within {@code lead}, flags tasks whose deadline has passed, escalates to the
	 * team's manager what has stayed overdue for {@code escalateAfter}, and warns when a customer's 24-hour window
	 * closes within {@code windowLead} on a conversation with open tasks. Each happens once.
	 */
	@Transactional
	public DeadlineSweep sweepDeadlines(Duration lead, Duration escalateAfter, Duration windowLead, int limit) {
		Instant now = clock.instant();
		int reminded = tasks.findDueSoon(now, now.plus(lead), limit).stream().map(t -> save(t.remind(now))).toList().size();
		int overdue = tasks.findNewlyOverdue(now, limit).stream().map(t -> save(t.markOverdue(now))).toList().size();
		int escalated = tasks.findToEscalate(now.minus(escalateAfter), limit)
			.stream()
			.map(t -> save(t.escalate(now, managerFor(t.view()))))
			.toList()
			.size();
		int windows = 0;
		for (ConversationHistory.ClosingWindow window : history.windowsClosing(now, now.plus(windowLead))) {
			List<TaskView> open = tasks.findOpenByConversation(window.conversation().value()).stream().map(Task::view).toList();
			if (!open.isEmpty() && tasks.markWindowReminded(window.conversation().value(), window.closesAt(), now)) {
				events.publishEvent(new CustomerWindowClosing(TenantContext.require(), window.conversation().value(),
						window.closesAt(), open));
				windows++;
			}
		}
		return new DeadlineSweep(reminded, overdue, escalated, windows);
	}

	private @Nullable UserId managerFor(TaskView task) {
		TeamId team = task.teamId();
		if (team == null && task.assigneeId() != null) {
			team = directory.member(task.assigneeId()).map(m -> m.teamId()).orElse(null);
		}
		if (team == null) {
			return null;
		}
		return directory.teamMembers(team)
			.stream()
			.filter(m -> m.roles().contains(com.whatsappflowhub.identity.Role.MANAGER))
			.map(m -> m.id())
			.findFirst()
			.orElse(null);
	}

	private interface Step {

		void apply(Task task, Actor by, Instant now);
	}

	private TaskView write(TaskId id, @Nullable Integer expectedVersion, Viewer viewer, Step step) {
		Task task = visible(id, viewer);
		if (!viewer.canWrite()) {
			throw new AccessDeniedException("read-only");
		}
		if (expectedVersion != null && expectedVersion != task.version()) {
			throw new StaleTask(id, expectedVersion, task.version());
		}
		step.apply(task, viewer.userId() == null ? Actor.system("api") : Actor.user(viewer.userId()), clock.instant());
		return save(task);
	}

	private TaskView save(Task task) {
		if (task.events().isEmpty()) {
			return task.view();
		}
		if (!tasks.update(task)) {
			throw new StaleTask(task.id(), task.version(), task.version() + 1);
		}
		publish(task);
		return tasks.findById(task.id()).orElseThrow(() -> new TaskNotFound(task.id())).view();
	}

	private void publish(Task task) {
		task.events().forEach(events::publishEvent);
	}

	private Task visible(TaskId id, Viewer viewer) {
		return tasks.findById(id).filter(task -> viewer.sees(task.view())).orElseThrow(() -> new TaskNotFound(id));
	}

	private void checkAssignment(@Nullable UserId assignee, @Nullable TeamId team) {
		if (assignee != null && directory.member(assignee).filter(m -> m.active()).isEmpty()) {
			throw new InvalidTask("assigneeId", "is not an active member of staff");
		}
		if (team != null && !directory.teamExists(team)) {
			throw new InvalidTask("teamId", "is not a team of this tenant");
		}
	}
}

package com.whatsappflowhub.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * The task aggregate. Every change goes through a method that checks what is allowed, records a history entry
 * (who, what, why) and registers the event to publish; {@link Tasks} stores both with the new state.
 */
class Task {

	private final TaskId id;

	private final TenantId tenantId;

	private String title;

	private @Nullable String description;

	private Priority priority;

	private TaskStatus status;

	private boolean suggested;

	private @Nullable UserId assigneeId;

	private @Nullable TeamId teamId;

	private @Nullable Deadline deadline;

	private final @Nullable Double confidence;

	private final List<Evidence> evidence;

	private List<String> labels;

	private Map<String, ExternalRef> externalRefs;

	private final @Nullable UUID sourceMessageId;

	private final @Nullable UUID sourceConversationId;

	private final @Nullable UserId sourceSenderId;

	private final @Nullable String originKey;

	private final String createdBy;

	private final Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant completedAt;

	private @Nullable Instant overdueAt;

	private final int version;

	private @Nullable Instant remindedAt;

	private @Nullable Instant escalatedAt;

	private final List<Object> events = new ArrayList<>();

	private final List<HistoryEntry> history = new ArrayList<>();

	/** One line of a task's history: who did what, with the changed fields and the reason. */
	record HistoryEntry(Instant at, Actor actor, String action, Map<String, @Nullable Object> changes,
			@Nullable String reason) {
	}

	/** What a new task is made from. */
	record Draft(String title, @Nullable String description, Priority priority, @Nullable UserId assigneeId,
			@Nullable TeamId teamId, @Nullable Deadline deadline, @Nullable Double confidence, List<Evidence> evidence,
			List<String> labels, @Nullable UUID sourceMessageId, @Nullable UUID sourceConversationId,
			@Nullable UserId sourceSenderId, @Nullable String originKey, boolean suggested) {
	}

	Task(TaskId id, TenantId tenantId, String title, @Nullable String description, Priority priority,
			TaskStatus status, boolean suggested, @Nullable UserId assigneeId, @Nullable TeamId teamId,
			@Nullable Deadline deadline, @Nullable Double confidence, List<Evidence> evidence, List<String> labels,
			Map<String, ExternalRef> externalRefs, @Nullable UUID sourceMessageId, @Nullable UUID sourceConversationId,
			@Nullable UserId sourceSenderId, @Nullable String originKey, String createdBy, Instant createdAt,
			Instant updatedAt, @Nullable Instant completedAt, @Nullable Instant overdueAt, int version) {
		this.id = id;
		this.tenantId = tenantId;
		this.title = checkedTitle(title);
		this.description = description;
		this.priority = priority;
		this.status = status;
		this.suggested = suggested;
		this.assigneeId = assigneeId;
		this.teamId = teamId;
		this.deadline = deadline;
		this.confidence = checkedConfidence(confidence);
		this.evidence = List.copyOf(evidence);
		this.labels = List.copyOf(labels);
		this.externalRefs = Map.copyOf(externalRefs);
		this.sourceMessageId = sourceMessageId;
		this.sourceConversationId = sourceConversationId;
		this.sourceSenderId = sourceSenderId;
		this.originKey = originKey;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.completedAt = completedAt;
		this.overdueAt = overdueAt;
		this.version = version;
	}

	static Task create(TenantId tenant, Draft draft, Actor by, Instant now) {
		Task task = new Task(TaskId.random(), tenant, draft.title(), draft.description(), draft.priority(),
				TaskStatus.OPEN, draft.suggested(), draft.assigneeId(), draft.teamId(), draft.deadline(),
				draft.confidence(), draft.evidence(), normalised(draft.labels()), Map.of(), draft.sourceMessageId(),
				draft.sourceConversationId(), draft.sourceSenderId(), draft.originKey(), describe(by), now, now, null,
				null, 0);
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("title", task.title);
		fields.put("priority", task.priority.code());
		fields.put("assignee", task.assigneeId == null ? null : task.assigneeId.toString());
		fields.put("deadline", task.deadline == null ? null : task.deadline.at().toString());
		fields.put("suggested", task.suggested);
		task.history.add(new HistoryEntry(now, by, "created", fields, null));
		task.events.add(new TaskCreated(task.view()));
		return task;
	}

	Task start(Actor by, Instant now) {
		move(TaskStatus.IN_PROGRESS, "start", by, now, null, TaskStatus.OPEN, TaskStatus.BLOCKED);
		return updated(by, "status");
	}

	Task block(Actor by, Instant now, @Nullable String reason) {
		move(TaskStatus.BLOCKED, "block", by, now, reason, TaskStatus.OPEN, TaskStatus.IN_PROGRESS);
		return updated(by, "status");
	}

	Task complete(Actor by, Instant now) {
		move(TaskStatus.DONE, "complete", by, now, null, TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED);
		completedAt = now;
		suggested = false;
		events.add(new TaskCompleted(view(), by));
		return this;
	}

	Task cancel(Actor by, Instant now, @Nullable String reason) {
		move(TaskStatus.CANCELLED, "cancel", by, now, reason, TaskStatus.OPEN, TaskStatus.IN_PROGRESS,
				TaskStatus.BLOCKED);
		events.add(new TaskCancelled(view(), by, reason));
		return this;
	}

	Task reopen(Actor by, Instant now, @Nullable String reason) {
		move(TaskStatus.OPEN, "reopen", by, now, reason, TaskStatus.DONE, TaskStatus.CANCELLED);
		completedAt = null;
		overdueAt = null;
		escalatedAt = null;
		return updated(by, "status");
	}

	/** A suggested task (below the auto-create confidence) is accepted by a person or a rule. */
	Task confirm(Actor by, Instant now) {
		if (!suggested) {
			throw new TransitionNotAllowed(status, "be confirmed: it is not a suggestion");
		}
		suggested = false;
		record(by, now, "confirmed", Map.of("suggested", false), null);
		return updated(by, "suggested");
	}

	Task assignTo(@Nullable UserId assignee, @Nullable TeamId team, Actor by, Instant now) {
		if (Objects.equals(assignee, assigneeId) && (team == null || Objects.equals(team, teamId))) {
			return this;
		}
		UserId previous = assigneeId;
		assigneeId = assignee;
		if (team != null) {
			teamId = team;
		}
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		changes.put("assignee", assignee == null ? null : assignee.toString());
		changes.put("team", teamId == null ? null : teamId.toString());
		record(by, now, "assigned", changes, null);
		events.add(new TaskAssigned(view(), previous, by));
		return this;
	}

	/** Title, description, priority, deadline and labels; {@code null} leaves a field as it is. */
	Task update(@Nullable String newTitle, @Nullable String newDescription, @Nullable Priority newPriority,
			@Nullable Deadline newDeadline, @Nullable List<String> newLabels, Actor by, Instant now,
			@Nullable String reason) {
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		if (newTitle != null && !newTitle.equals(title)) {
			title = checkedTitle(newTitle);
			changes.put("title", title);
		}
		if (newDescription != null && !newDescription.equals(description)) {
			description = newDescription;
			changes.put("description", description);
		}
		if (newPriority != null && newPriority != priority) {
			priority = newPriority;
			changes.put("priority", priority.code());
		}
		if (newDeadline != null && !newDeadline.equals(deadline)) {
			deadline = newDeadline;
			overdueAt = null;
			remindedAt = null;
			escalatedAt = null;
			changes.put("deadline", deadline.at().toString());
		}
		if (newLabels != null && !normalised(newLabels).equals(labels)) {
			labels = normalised(newLabels);
			changes.put("labels", labels);
		}
		if (changes.isEmpty()) {
			return this;
		}
		record(by, now, "updated", changes, reason);
		return updated(by, changes.keySet().toArray(String[]::new));
	}

	/** The task now lives in another tool too (or again, under a new key). */
	Task link(String system, ExternalRef ref, Actor by, Instant now) {
		ExternalRef previous = externalRefs.get(system);
		if (previous != null && previous.key().equals(ref.key()) && Objects.equals(previous.url(), ref.url())) {
			return this;
		}
		Map<String, ExternalRef> refs = new TreeMap<>(externalRefs);
		refs.put(system, ref);
		externalRefs = Map.copyOf(refs);
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		changes.put("system", system);
		changes.put("key", ref.key());
		changes.put("url", ref.url());
		record(by, now, "linked", changes, null);
		return updated(by, "externalRefs");
	}

	/** The other tool's object is gone (deleted there); the task stays. */
	Task unlink(String system, Actor by, Instant now) {
		ExternalRef previous = externalRefs.get(system);
		if (previous == null) {
			return this;
		}
		Map<String, ExternalRef> refs = new TreeMap<>(externalRefs);
		refs.remove(system);
		externalRefs = Map.copyOf(refs);
		record(by, now, "unlinked", Map.of("system", system, "key", previous.key()), null);
		return updated(by, "externalRefs");
	}

	/** Reminds the assignee once that the deadline is near. */
	Task remind(Instant now) {
		if (!status.isOpen() || assigneeId == null || remindedAt != null) {
			return this;
		}
		remindedAt = now;
		history.add(new HistoryEntry(now, Actor.system("sla"), "reminded", Map.of("assignee", assigneeId.toString()),
				null));
		events.add(new TaskDueSoon(view()));
		return this;
	}

	/** Tells the team's manager once that the task has stayed overdue. */
	Task escalate(Instant now, @Nullable UserId manager) {
		if (!status.isOpen() || overdueAt == null || escalatedAt != null) {
			return this;
		}
		escalatedAt = now;
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		changes.put("manager", manager == null ? null : manager.toString());
		history.add(new HistoryEntry(now, Actor.system("sla"), "escalated", changes, null));
		events.add(new TaskEscalated(view(), manager));
		return this;
	}

	Task withMarks(@Nullable Instant reminded, @Nullable Instant escalated) {
		this.remindedAt = reminded;
		this.escalatedAt = escalated;
		return this;
	}

	@Nullable Instant remindedAt() {
		return remindedAt;
	}

	@Nullable Instant escalatedAt() {
		return escalatedAt;
	}

	/** The deadline has passed on an open task; happens once per deadline. */
	Task markOverdue(Instant now) {
		if (!status.isOpen() || deadline == null || overdueAt != null || deadline.at().isAfter(now)) {
			return this;
		}
		overdueAt = now;
		history.add(new HistoryEntry(now, Actor.system("sla"), "overdue", Map.of("deadline", deadline.at().toString()),
				null));
		events.add(new TaskOverdue(view()));
		return this;
	}

	private void move(TaskStatus to, String step, Actor by, Instant now, @Nullable String reason,
			TaskStatus... allowedFrom) {
		if (!List.of(allowedFrom).contains(status)) {
			throw new TransitionNotAllowed(status, step);
		}
		Map<String, @Nullable Object> changes = Map.of("status", to.name(), "from", status.name());
		status = to;
		record(by, now, step, changes, reason);
	}

	private void record(Actor by, Instant now, String action, Map<String, @Nullable Object> changes,
			@Nullable String reason) {
		updatedAt = now;
		history.add(new HistoryEntry(now, by, action, changes, reason));
	}

	private Task updated(Actor by, String... fields) {
		events.add(new TaskUpdated(view(), Set.of(fields), by));
		return this;
	}

	TaskView view() {
		return new TaskView(id, tenantId, title, description, priority, status, suggested, assigneeId, teamId, deadline,
				confidence, evidence, labels, externalRefs, sourceMessageId, sourceConversationId, sourceSenderId,
				createdBy, createdAt, updatedAt, completedAt, overdueAt, version);
	}

	TaskId id() {
		return id;
	}

	int version() {
		return version;
	}

	@Nullable String originKey() {
		return originKey;
	}

	List<Object> events() {
		return List.copyOf(events);
	}

	List<HistoryEntry> history() {
		return List.copyOf(history);
	}

	private static String describe(Actor by) {
		return by.id() == null ? by.type().name().toLowerCase() : by.type().name().toLowerCase() + ":" + by.id();
	}

	private static String checkedTitle(String title) {
		if (title.isBlank()) {
			throw new InvalidTask("title", "must not be empty");
		}
		if (title.length() > 300) {
			throw new InvalidTask("title", "must be at most 300 characters");
		}
		return title.trim();
	}

	private static @Nullable Double checkedConfidence(@Nullable Double confidence) {
		if (confidence != null && (confidence.isNaN() || confidence < 0 || confidence > 1)) {
			throw new InvalidTask("confidence", "must be between 0 and 1");
		}
		return confidence;
	}

	private static List<String> normalised(List<String> labels) {
		return labels.stream().map(String::trim).filter(l -> !l.isEmpty()).distinct().sorted().toList();
	}
}

package com.whatsappflowhub.tasks;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tasks of the current tenant, their history and comments. */
@Repository
class Tasks {

	private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, ExternalRef>> REFS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Tasks(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @return false when a task with the same origin exists already (nothing is written, and the caller's transaction
	 * stays usable: a batch of the intake stage goes on)
	 */
	boolean insert(Task task) {
		TaskView t = task.view();
		int inserted = jdbc.sql("""
				INSERT INTO task (id, tenant_id, title, description, priority, status, suggested, assignee_id, team_id,
				  deadline, deadline_grain, confidence, evidence, labels, external_refs, source_message_id,
				  source_conversation_id, source_sender_id, origin_key, created_by, created_at, updated_at, version)
				VALUES (:id, :tenant, :title, :description, :priority, :status, :suggested, :assignee, :team,
				  :deadline, :grain, :confidence, :evidence::jsonb, :labels::text[], :refs::jsonb, :message,
				  :conversation, :sender, :origin, :createdBy, :created, :updated, 0)
				ON CONFLICT (tenant_id, origin_key) WHERE origin_key IS NOT NULL DO NOTHING""")
			.params(params(t))
			.param("tenant", t.tenantId().value())
			.param("message", t.sourceMessageId())
			.param("conversation", t.sourceConversationId())
			.param("sender", t.sourceSenderId() == null ? null : t.sourceSenderId().value())
			.param("origin", task.originKey())
			.param("createdBy", t.createdBy())
			.param("created", Timestamp.from(t.createdAt()))
			.update();
		if (inserted == 0) {
			return false;
		}
		saveHistory(task);
		return true;
	}

	/** Writes the new state if nobody changed the task since it was read. */
	boolean update(Task task) {
		TaskView t = task.view();
		int rows = jdbc.sql("""
				UPDATE task SET title = :title, description = :description, priority = :priority, status = :status,
				  suggested = :suggested, assignee_id = :assignee, team_id = :team, deadline = :deadline,
				  deadline_grain = :grain, labels = :labels::text[], external_refs = :refs::jsonb, updated_at = :updated,
				  completed_at = :completed, overdue_at = :overdue, reminded_at = :reminded, escalated_at = :escalated,
				  version = version + 1
				WHERE id = :id AND version = :version""")
			.params(params(t))
			.param("completed", t.completedAt() == null ? null : Timestamp.from(t.completedAt()))
			.param("overdue", t.overdueAt() == null ? null : Timestamp.from(t.overdueAt()))
			.param("reminded", timestamp(task.remindedAt()))
			.param("escalated", timestamp(task.escalatedAt()))
			.param("version", t.version())
			.update();
		if (rows == 1) {
			saveHistory(task);
		}
		return rows == 1;
	}

	private Map<String, @Nullable Object> params(TaskView t) {
		Map<String, @Nullable Object> p = new LinkedHashMap<>();
		p.put("id", t.id().value());
		p.put("title", t.title());
		p.put("description", t.description());
		p.put("priority", t.priority().code());
		p.put("status", t.status().name());
		p.put("suggested", t.suggested());
		p.put("assignee", t.assigneeId() == null ? null : t.assigneeId().value());
		p.put("team", t.teamId() == null ? null : t.teamId().value());
		p.put("deadline", t.deadline() == null ? null : Timestamp.from(t.deadline().at()));
		p.put("grain", t.deadline() == null ? null : t.deadline().grain());
		p.put("confidence", t.confidence());
		p.put("evidence", json.writeValueAsString(t.evidence()));
		p.put("labels", t.labels().stream().map(l -> '"' + l.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
			.collect(Collectors.joining(",", "{", "}")));
		p.put("refs", json.writeValueAsString(t.externalRefs()));
		p.put("updated", Timestamp.from(t.updatedAt()));
		return p;
	}

	private void saveHistory(Task task) {
		for (Task.HistoryEntry entry : task.history()) {
			jdbc.sql("""
					INSERT INTO task_history (tenant_id, task_id, at, actor_type, actor_id, action, changes, reason)
					VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
				.params(task.view().tenantId().value(), task.id().value(), Timestamp.from(entry.at()),
						entry.actor().type().name(), entry.actor().id(), entry.action(),
						json.writeValueAsString(entry.changes()), entry.reason())
				.update();
		}
	}

	/** The tasks that came from these messages or conversations (a data subject request's). */
	List<TaskId> fromContact(java.util.UUID[] messages, java.util.UUID[] conversations) {
		return jdbc.sql("""
				SELECT id FROM task WHERE source_message_id = ANY (:messages) OR source_conversation_id = ANY (:conversations)
				ORDER BY created_at, id""")
			.param("messages", messages)
			.param("conversations", conversations)
			.query((rs, row) -> new TaskId(rs.getObject(1, java.util.UUID.class)))
			.list();
	}

	/**
	 * Replaces the source text a task quotes by {@code marker}: the description, every evidence span's text, the title
	 * when the pipeline wrote it from the text, and the same values in the task's history. The task stays, with its
	 * status, people, priority and dates.
	 * @return how many rows changed
	 */
	int eraseSourceText(List<TaskId> ids, String marker, java.time.Instant now) {
		java.util.UUID[] tasks = ids.stream().map(TaskId::value).toArray(java.util.UUID[]::new);
		int changed = jdbc.sql("""
				UPDATE task SET
				  title = CASE WHEN created_by LIKE 'ai%' THEN :marker ELSE title END,
				  description = CASE WHEN description IS NULL THEN NULL ELSE :marker END,
				  evidence = (SELECT coalesce(jsonb_agg(e || jsonb_build_object('text', :marker)), '[]'::jsonb)
				              FROM jsonb_array_elements(evidence) e),
				  updated_at = :now, version = version + 1
				WHERE id = ANY (:tasks)""")
			.param("marker", marker)
			.param("now", java.sql.Timestamp.from(now))
			.param("tasks", tasks)
			.update();
		// the history is append-only: its quoted values change only through the function made for this
		changed += jdbc.sql("SELECT flowhub_erase_task_history(:tasks, :marker)")
			.param("tasks", tasks)
			.param("marker", marker)
			.query(Integer.class)
			.single();
		return changed;
	}

	Optional<Task> findById(TaskId id) {
		return jdbc.sql("SELECT * FROM task WHERE id = ?").param(id.value()).query(this::map).optional();
	}

	Optional<Task> findByOrigin(String originKey) {
		return jdbc.sql("SELECT * FROM task WHERE tenant_id = ? AND origin_key = ?")
			.params(TenantContext.require().value(), originKey)
			.query(this::map)
			.optional();
	}

	List<Task> findBySourceMessage(UUID messageId) {
		return jdbc.sql("SELECT * FROM task WHERE tenant_id = ? AND source_message_id = ? ORDER BY created_at")
			.params(TenantContext.require().value(), messageId)
			.query(this::map)
			.list();
	}

	/** Open, assigned tasks due within the lead time whose assignee was not reminded yet. */
	List<Task> findDueSoon(Instant now, Instant horizon, int limit) {
		return jdbc.sql("""
				SELECT * FROM task WHERE status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED') AND assignee_id IS NOT NULL
				  AND deadline > ? AND deadline <= ? AND reminded_at IS NULL
				ORDER BY deadline LIMIT ?""")
			.params(Timestamp.from(now), Timestamp.from(horizon), limit)
			.query(this::map)
			.list();
	}

	/** Open tasks overdue since before {@code cutoff} that were not escalated yet. */
	List<Task> findToEscalate(Instant cutoff, int limit) {
		return jdbc.sql("""
				SELECT * FROM task WHERE status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED') AND overdue_at <= ? AND escalated_at IS NULL
				ORDER BY overdue_at LIMIT ?""")
			.params(Timestamp.from(cutoff), limit)
			.query(this::map)
			.list();
	}

	List<Task> findOpenByConversation(UUID conversation) {
		return jdbc.sql("""
				SELECT * FROM task WHERE tenant_id = ? AND source_conversation_id = ?
				  AND status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED') ORDER BY created_at""")
			.params(TenantContext.require().value(), conversation)
			.query(this::map)
			.list();
	}

	/** @return false when this window was reminded of before */
	boolean markWindowReminded(UUID conversation, Instant closesAt, Instant now) {
		return jdbc.sql("""
				INSERT INTO window_reminder (tenant_id, conversation_id, closes_at, reminded_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(TenantContext.require().value(), conversation, Timestamp.from(closesAt), Timestamp.from(now))
			.update() == 1;
	}

	/** Open tasks whose deadline has passed and that were not flagged yet. */
	List<Task> findNewlyOverdue(Instant now, int limit) {
		return jdbc.sql("""
				SELECT * FROM task WHERE status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED') AND deadline <= ? AND overdue_at IS NULL
				ORDER BY deadline LIMIT ?""")
			.params(Timestamp.from(now), limit)
			.query(this::map)
			.list();
	}

	record Page(List<TaskView> items, @Nullable String nextCursor) {
	}

	Page search(TaskFilter filter, Viewer viewer, @Nullable String cursor, int limit) {
		// the tenant is named although row-level security filters it too: the policy's OR with the cross-tenant
		// switch keeps the planner from using (tenant_id, ...) indexes otherwise
		StringBuilder sql = new StringBuilder("SELECT * FROM task WHERE tenant_id = :tenant");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("tenant", TenantContext.require().value());
		if (!viewer.seesWholeTenant()) {
			sql.append(" AND (assignee_id = :me OR source_sender_id = :me OR created_by = :meAsCreator");
			p.put("me", viewer.userId() == null ? new UUID(0, 0) : viewer.userId().value());
			p.put("meAsCreator", "user:" + viewer.userId());
			if (viewer.isManager() && viewer.teamId() != null) {
				sql.append(" OR team_id = :myTeam");
				p.put("myTeam", viewer.teamId().value());
			}
			sql.append(")");
		}
		if (!filter.statuses().isEmpty()) {
			sql.append(" AND status IN (:statuses)");
			p.put("statuses", filter.statuses().stream().map(Enum::name).toList());
		}
		if (!filter.priorities().isEmpty()) {
			sql.append(" AND priority IN (:priorities)");
			p.put("priorities", filter.priorities().stream().map(Priority::code).toList());
		}
		condition(sql, p, filter.assignee() == null ? null : filter.assignee().value(), "assignee_id = :assignee", "assignee");
		condition(sql, p, filter.team() == null ? null : filter.team().value(), "team_id = :team", "team");
		condition(sql, p, timestamp(filter.dueBefore()), "deadline < :dueBefore", "dueBefore");
		condition(sql, p, timestamp(filter.dueAfter()), "deadline >= :dueAfter", "dueAfter");
		condition(sql, p, timestamp(filter.createdFrom()), "created_at >= :createdFrom", "createdFrom");
		condition(sql, p, timestamp(filter.createdTo()), "created_at < :createdTo", "createdTo");
		condition(sql, p, filter.conversation(), "source_conversation_id = :conversation", "conversation");
		condition(sql, p, filter.suggested(), "suggested = :suggested", "suggested");
		if (filter.text() != null && !filter.text().isBlank()) {
			sql.append(" AND (search @@ plainto_tsquery('simple', :text) OR title ILIKE :like)");
			p.put("text", filter.text());
			p.put("like", "%" + filter.text().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor);
			sql.append(" AND (created_at, id) < (:cursorAt, :cursorId)");
			p.put("cursorAt", Timestamp.from(position.createdAt()));
			p.put("cursorId", position.id());
		}
		sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
		p.put("limit", limit + 1);
		List<TaskView> rows = jdbc.sql(sql.toString()).params(p).query(this::map).list().stream().map(Task::view).toList();
		if (rows.size() <= limit) {
			return new Page(rows, null);
		}
		List<TaskView> items = rows.subList(0, limit);
		TaskView last = items.get(items.size() - 1);
		return new Page(items, new Cursor(last.createdAt(), last.id().value()).encode());
	}

	private static void condition(StringBuilder sql, Map<String, Object> p, @Nullable Object value, String clause,
			String name) {
		if (value != null) {
			sql.append(" AND ").append(clause);
			p.put(name, value);
		}
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** Keyset position: created_at and id of the last task of the previous page. */
	record Cursor(Instant createdAt, UUID id) {

		String encode() {
			String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
				return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
						UUID.fromString(parts[2]));
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
				throw new InvalidTask("cursor", "is not a cursor this API returned");
			}
		}
	}

	List<TaskManagement.HistoryLine> history(TaskId id) {
		return jdbc.sql("SELECT * FROM task_history WHERE task_id = ? ORDER BY id").param(id.value()).query((rs, row) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> changes = json.readValue(rs.getString("changes"), Map.class);
			return new TaskManagement.HistoryLine(rs.getTimestamp("at").toInstant(), rs.getString("actor_type"), rs.getString("actor_id"),
					rs.getString("action"), changes, rs.getString("reason"));
		}).list();
	}

	void insertComment(TaskId task, TaskManagement.Comment comment, TenantId tenant) {
		jdbc.sql("INSERT INTO task_comment (id, tenant_id, task_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(comment.id(), tenant.value(), task.value(), comment.authorId(), comment.body(),
					Timestamp.from(comment.createdAt()))
			.update();
	}

	List<TaskManagement.Comment> comments(TaskId id) {
		return jdbc.sql("SELECT * FROM task_comment WHERE task_id = ? ORDER BY created_at, id")
			.param(id.value())
			.query((rs, row) -> new TaskManagement.Comment(rs.getObject("id", UUID.class), rs.getString("author_id"),
					rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private Task map(ResultSet rs, int row) throws SQLException {
		Timestamp deadline = rs.getTimestamp("deadline");
		Array labels = rs.getArray("labels");
		UUID assignee = rs.getObject("assignee_id", UUID.class);
		UUID team = rs.getObject("team_id", UUID.class);
		UUID sender = rs.getObject("source_sender_id", UUID.class);
		Timestamp completed = rs.getTimestamp("completed_at");
		Timestamp overdue = rs.getTimestamp("overdue_at");
		Double confidence = rs.getObject("confidence", Double.class);
		return new Task(new TaskId(rs.getObject("id", UUID.class)), new TenantId(rs.getObject("tenant_id", UUID.class)),
				rs.getString("title"), rs.getString("description"), Priority.of(rs.getString("priority")),
				TaskStatus.valueOf(rs.getString("status")), rs.getBoolean("suggested"),
				assignee == null ? null : new UserId(assignee), team == null ? null : new TeamId(team),
				deadline == null ? null : new Deadline(deadline.toInstant(), rs.getString("deadline_grain")),
				confidence, json.readValue(rs.getString("evidence"), EVIDENCE),
				Arrays.asList((String[]) labels.getArray()), json.readValue(rs.getString("external_refs"), REFS),
				rs.getObject("source_message_id", UUID.class), rs.getObject("source_conversation_id", UUID.class),
				sender == null ? null : new UserId(sender), rs.getString("origin_key"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				completed == null ? null : completed.toInstant(), overdue == null ? null : overdue.toInstant(),
				rs.getInt("version"))
			.withMarks(instant(rs.getTimestamp("reminded_at")), instant(rs.getTimestamp("escalated_at")));
	}
}

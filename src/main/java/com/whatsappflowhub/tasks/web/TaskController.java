package com.whatsappflowhub.tasks.web;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.tasks.Deadline;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskFilter;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import com.whatsappflowhub.tasks.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/**
 * The task API. What a caller sees and may change follows its role ({@link Viewer}); a task the caller may not
 * see is answered 404. Writes accept {@code If-Match} with the {@code ETag} of a read and answer 412 when the
 * task has changed since.
 */
@Tag(name = "Tasks")
@RestController
@RequestMapping("/api/v1/tasks")
@Validated
class TaskController {

	private final TaskManagement tasks;

	private final Directory directory;

	TaskController(TaskManagement tasks, Directory directory) {
		this.tasks = tasks;
		this.directory = directory;
	}

	record DeadlineBody(Instant at, @Nullable String grain) {

		Deadline toDeadline() {
			return new Deadline(at, grain == null ? "minute" : grain);
		}
	}

	record CreateTask(@NotBlank @Size(max = 300) String title, @Nullable @Size(max = 10_000) String description,
			@Nullable String priority, @Nullable UUID assigneeId, @Nullable UUID teamId, @Nullable @Valid DeadlineBody deadline,
			@Nullable List<@Size(max = 50) String> labels) {
	}

	record ChangeTask(@Nullable @Size(min = 1, max = 300) String title, @Nullable @Size(max = 10_000) String description,
			@Nullable String priority, @Nullable @Valid DeadlineBody deadline, @Nullable List<@Size(max = 50) String> labels) {
	}

	record Assign(@Nullable UUID assigneeId, @Nullable UUID teamId) {
	}

	record Reason(@Nullable @Size(max = 1000) String reason) {
	}

	record NewComment(@NotBlank @Size(max = 10_000) String body) {
	}

	@Operation(operationId = "listTasks", summary = "List tasks, filtered, a page at a time", description = """
			Newest first. Filters combine with AND; `status` and `priority` take several values \
			(`status=OPEN&status=IN_PROGRESS`); `assignee`, `team` and `conversation` are ids; `dueBefore`, `dueAfter`, \
			`createdFrom` and `createdTo` are ISO instants; `q` searches title and description; `suggested=true` lists \
			only suggestions awaiting confirmation. A page holds up to `limit` tasks; when there are more, pass its \
			`nextCursor` as `cursor` (with the same filters) for the next page; the last page has none.

			Visibility follows the caller's role: admins and viewers see the whole tenant, a manager its team's \
			tasks and its own, a user the tasks assigned to it, created by it or made from its own messages, an API \
			client all of them with the `tasks:read` scope; a task the caller may not see is 404.""")
	@GetMapping
	TaskManagement.Page list(Authentication caller, @RequestParam(required = false) Set<TaskStatus> status,
			@RequestParam(required = false) UUID assignee, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) Set<String> priority,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueAfter,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdTo,
			@RequestParam(required = false) UUID conversation, @RequestParam(required = false) String q,
			@RequestParam(required = false) Boolean suggested, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		Set<Priority> priorities = EnumSet.noneOf(Priority.class);
		if (priority != null) {
			priority.forEach(p -> priorities.add(Priority.of(p)));
		}
		TaskFilter filter = new TaskFilter(status == null ? Set.of() : status,
				assignee == null ? null : new UserId(assignee), team == null ? null : new TeamId(team), priorities,
				dueBefore, dueAfter, createdFrom, createdTo, conversation, q, suggested);
		return tasks.list(filter, viewer(caller), cursor, limit);
	}

	/** The review queue: tasks the pipeline suggested below the auto-create confidence. */
	@Operation(operationId = "listSuggestions", summary = "The review queue: suggested tasks awaiting confirmation", description = """
			Open tasks the pipeline found below the tenant's auto-create confidence; confirm one with \
			`POST /api/v1/tasks/{id}/confirm`, or cancel it. Pages like `GET /api/v1/tasks`.""")
	@GetMapping("/suggestions")
	TaskManagement.Page suggestions(Authentication caller, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		TaskFilter filter = new TaskFilter(EnumSet.of(TaskStatus.OPEN), null, null, Set.of(), null, null, null, null,
				null, null, true);
		return tasks.list(filter, viewer(caller), cursor, limit);
	}

	@Operation(operationId = "createTask", summary = "Create a task", description = """
			`priority` is one of `low`, `medium`, `high`, `urgent`; `deadline.grain` says how precise `deadline.at` is \
			(`minute` when absent). An empty title or an unknown priority is 400. Viewers, and API clients without the \
			`tasks:write` scope, may not create tasks.""")
	@ApiResponse(responseCode = "201", description = "Created; `Location` names the task and `ETag` holds its version.", headers = @Header(name = "ETag", description = "The task's version, quoted", schema = @Schema(type = "string")))
	@PostMapping
	ResponseEntity<TaskView> create(@Valid @RequestBody CreateTask request, Authentication caller) {
		TaskView task = tasks.create(new TaskManagement.NewTask(request.title(), request.description(),
				request.priority() == null ? null : Priority.of(request.priority()),
				request.assigneeId() == null ? null : new UserId(request.assigneeId()),
				request.teamId() == null ? null : new TeamId(request.teamId()),
				request.deadline() == null ? null : request.deadline().toDeadline(),
				request.labels() == null ? List.of() : request.labels()), viewer(caller));
		return withETag(ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())), task);
	}

	@Operation(operationId = "getTask", summary = "Read a task", description = """
			With the evidence (the spans of the message each field came from) and the confidence when the pipeline \
			made it. Visibility follows the caller's role: admins and viewers see the whole tenant, a manager its team's \
			tasks and its own, a user the tasks assigned to it, created by it or made from its own messages, an API \
			client all of them with the `tasks:read` scope; a task the caller may not see is 404.""")
	@ApiResponse(responseCode = "200", description = "The task; `ETag` holds its version for `If-Match`.", headers = @Header(name = "ETag", description = "The task's version, quoted: `\"3\"`", schema = @Schema(type = "string")))
	@GetMapping("/{id}")
	ResponseEntity<TaskView> get(@PathVariable UUID id, Authentication caller) {
		return withETag(ResponseEntity.ok(), tasks.get(new TaskId(id), viewer(caller)));
	}

	@Operation(operationId = "changeTask", summary = "Change a task's title, description, priority, deadline or labels", description = """
			Only the fields sent change, and each change is recorded in the history. With `If-Match` the change is \
			made only while the task is still at that version, else 412 `stale`: read it again and retry. An empty \
			title or an unknown priority is 400.""")
	@Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The `ETag` of your last read of the task. Absent or `*`: no check; a version that is no longer current: 412.")
	@ApiResponse(responseCode = "200", description = "The task; `ETag` holds its version for `If-Match`.", headers = @Header(name = "ETag", description = "The task's version, quoted: `\"3\"`", schema = @Schema(type = "string")))
	@PatchMapping("/{id}")
	ResponseEntity<TaskView> change(@PathVariable UUID id, @Valid @RequestBody ChangeTask request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Authentication caller) {
		return withETag(ResponseEntity.ok(), tasks.change(new TaskId(id), version(ifMatch),
				new TaskManagement.Changes(request.title(), request.description(),
						request.priority() == null ? null : Priority.of(request.priority()),
						request.deadline() == null ? null : request.deadline().toDeadline(), request.labels()),
				viewer(caller)));
	}

	@Operation(operationId = "moveTask", summary = "Start, block, complete, cancel or reopen a task", description = """
			`start`: from OPEN or BLOCKED to IN_PROGRESS. `block`: from OPEN or IN_PROGRESS to BLOCKED. `complete`: \
			from OPEN, IN_PROGRESS or BLOCKED to DONE. `cancel`: from OPEN, IN_PROGRESS or BLOCKED to CANCELLED. \
			`reopen`: from DONE or CANCELLED to OPEN. Any other move is 409 `transition-not-allowed`. `block`, \
			`cancel` and `reopen` take an optional `reason`, kept in the history.""")
	@Parameter(name = "step", in = ParameterIn.PATH, required = true, schema = @Schema(type = "string", allowableValues = { "start", "block", "complete", "cancel", "reopen" }))
	@Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The `ETag` of your last read of the task. Absent or `*`: no check; a version that is no longer current: 412.")
	@ApiResponse(responseCode = "200", description = "The task; `ETag` holds its version for `If-Match`.", headers = @Header(name = "ETag", description = "The task's version, quoted: `\"3\"`", schema = @Schema(type = "string")))
	@PostMapping("/{id}/{step:start|block|complete|cancel|reopen}")
	ResponseEntity<TaskView> transition(@PathVariable UUID id, @PathVariable String step,
			@RequestBody(required = false) @Nullable @Valid Reason body,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Authentication caller) {
		TaskId task = new TaskId(id);
		Integer version = version(ifMatch);
		String reason = body == null ? null : body.reason();
		Viewer viewer = viewer(caller);
		TaskView result = switch (step) {
			case "start" -> tasks.start(task, version, viewer);
			case "block" -> tasks.block(task, version, reason, viewer);
			case "complete" -> tasks.complete(task, version, viewer);
			case "cancel" -> tasks.cancel(task, version, reason, viewer);
			default -> tasks.reopen(task, version, reason, viewer);
		};
		return withETag(ResponseEntity.ok(), result);
	}

	@Operation(operationId = "confirmTask", summary = "Confirm a suggested task", description = "It stops being a suggestion and stays OPEN; a task that is not a suggestion is 409.")
	@ApiResponse(responseCode = "200", description = "The task; `ETag` holds its version for `If-Match`.", headers = @Header(name = "ETag", description = "The task's version, quoted: `\"3\"`", schema = @Schema(type = "string")))
	@PostMapping("/{id}/confirm")
	ResponseEntity<TaskView> confirm(@PathVariable UUID id, Authentication caller) {
		return withETag(ResponseEntity.ok(), tasks.confirm(new TaskId(id), viewer(caller)));
	}

	@Operation(operationId = "assignTask", summary = "Assign a task to a user, a team, or nobody", description = """
			`assigneeId` and `teamId` replace the current ones; both absent unassigns. The assignee must be an active \
			member of staff and the team one of the tenant's, else 400.""")
	@Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The `ETag` of your last read of the task. Absent or `*`: no check; a version that is no longer current: 412.")
	@ApiResponse(responseCode = "200", description = "The task; `ETag` holds its version for `If-Match`.", headers = @Header(name = "ETag", description = "The task's version, quoted: `\"3\"`", schema = @Schema(type = "string")))
	@PostMapping("/{id}/assign")
	ResponseEntity<TaskView> assign(@PathVariable UUID id, @RequestBody Assign request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Authentication caller) {
		return withETag(ResponseEntity.ok(), tasks.assign(new TaskId(id), version(ifMatch),
				request.assigneeId() == null ? null : new UserId(request.assigneeId()),
				request.teamId() == null ? null : new TeamId(request.teamId()), viewer(caller)));
	}

	@Operation(operationId = "listComments", summary = "Read a task's comments", description = "Oldest first.")
	@GetMapping("/{id}/comments")
	List<TaskManagement.Comment> comments(@PathVariable UUID id, Authentication caller) {
		return tasks.comments(new TaskId(id), viewer(caller));
	}

	@Operation(operationId = "addComment", summary = "Comment on a task")
	@ApiResponse(responseCode = "201", description = "The comment.")
	@PostMapping("/{id}/comments")
	ResponseEntity<TaskManagement.Comment> comment(@PathVariable UUID id, @Valid @RequestBody NewComment request,
			Authentication caller) {
		TaskManagement.Comment comment = tasks.comment(new TaskId(id), request.body(), viewer(caller));
		return ResponseEntity.status(201).body(comment);
	}

	@Operation(operationId = "getTaskHistory", summary = "Read what happened to a task", description = """
			Every change, oldest first: what (`action`, `changes` with the old and new values), who (`actorType`: \
			a user, a routing rule, the AI pipeline, an integration, WhatsApp or the system, and `actorId`), when, and why (`reason`).""")
	@GetMapping("/{id}/history")
	List<TaskManagement.HistoryLine> history(@PathVariable UUID id, Authentication caller) {
		return tasks.history(new TaskId(id), viewer(caller));
	}

	private Viewer viewer(Authentication caller) {
		Set<Role> roles = Role.of(caller.getAuthorities());
		Set<String> scopes = new HashSet<>();
		UserId user = null;
		if (caller.getPrincipal() instanceof Jwt jwt) {
			String scope = jwt.getClaimAsString("scope");
			if (scope != null) {
				scopes.addAll(List.of(scope.split(" ")));
			}
			try {
				user = new UserId(UUID.fromString(jwt.getSubject()));
			}
			catch (IllegalArgumentException notOurUser) {
				user = null;
			}
		}
		TeamId team = user == null ? null : directory.member(user).map(StaffMember::teamId).orElse(null);
		return new Viewer(user, roles, team, scopes);
	}

	private static @Nullable Integer version(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return -1; // matches no version: 412
		}
	}

	private static ResponseEntity<TaskView> withETag(ResponseEntity.BodyBuilder response, TaskView task) {
		return response.eTag("\"" + task.version() + "\"").body(task);
	}
}

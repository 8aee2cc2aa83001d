package com.whatsappflowhub.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.Conversations;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.PreconditionFailed;
import com.whatsappflowhub.tasks.Deadline;
import com.whatsappflowhub.tasks.Evidence;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskFilter;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import com.whatsappflowhub.tasks.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task list, the board and the task page. Everything goes through {@link TaskManagement} with the signed-in
 * person's {@link Viewer}, so what is shown and what may be changed follow the task module's rules; the page only
 * leaves out the controls a role may not use.
 */
@Controller
class TaskPages {

	static final int LIST_LIMIT = 200;

	private final TaskManagement tasks;

	private final Viewers viewers;

	private final Conversations conversations;

	TaskPages(TaskManagement tasks, Viewers viewers, Conversations conversations) {
		this.tasks = tasks;
		this.viewers = viewers;
		this.conversations = conversations;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/tasks";
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		if (DashboardModel.signedIn() != null) {
			return "redirect:/tasks";
		}
		jakarta.servlet.http.HttpSession session = request.getSession(false);
		Object pending = session == null ? null : session.getAttribute(DashboardSecurity.PENDING_EMAIL);
		model.addAttribute("pendingEmail", pending instanceof String email ? email : "");
		return "dashboard/login";
	}

	@RequestMapping("/forbidden")
	String forbidden(HttpServletResponse response) {
		response.setStatus(403);
		return "dashboard/forbidden";
	}

	@GetMapping("/tasks")
	String list(@ModelAttribute("query") TaskQuery query, @ModelAttribute("fmt") Formats fmt,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		DashboardUser me = DashboardModel.required();
		List<TaskView> found = tasks.list(query.toFilter(me, fmt), viewers.of(me), null, LIST_LIMIT).items();
		Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
		for (TaskStatus status : TaskStatus.values()) {
			counts.put(status, found.stream().filter(t -> t.status() == status).count());
		}
		model.addAttribute("tasks", found);
		model.addAttribute("counts", counts);
		model.addAttribute("overdue", found.stream().filter(t -> t.status().isOpen() && t.deadline() != null && fmt.overdue(t.deadline().at())).count());
		model.addAttribute("limited", found.size() == LIST_LIMIT);
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("staff", viewers.staffNames());
		model.addAttribute("teams", viewers.teamNames());
		return htmx != null ? "dashboard/tasks :: results" : "dashboard/tasks";
	}

	@GetMapping("/board")
	String board(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		DashboardUser me = DashboardModel.required();
		List<TaskView> found = tasks.list(TaskFilter.all(), viewers.of(me), null, LIST_LIMIT)
			.items()
			.stream()
			.filter(t -> !t.suggested())
			.toList();
		Map<TaskStatus, List<TaskView>> columns = new EnumMap<>(TaskStatus.class);
		for (TaskStatus status : TaskStatus.values()) {
			columns.put(status, found.stream().filter(t -> t.status() == status).toList());
		}
		model.addAttribute("columns", columns);
		model.addAttribute("staff", viewers.staffNames());
		return htmx != null ? "dashboard/board :: columns" : "dashboard/board";
	}

	/** The form of the task page's fields; the deadline is a {@code datetime-local} value in the tenant's zone. */
	record TaskForm(@NotBlank @Size(max = 300) String title, @Nullable @Size(max = 10_000) String description,
			@NotBlank @Pattern(regexp = "low|medium|high|urgent") String priority, @Nullable String deadline,
			int version) {

		static TaskForm of(TaskView task, Formats fmt) {
			return new TaskForm(task.title(), task.description(), task.priority().code(),
					task.deadline() == null ? null : fmt.input(task.deadline().at()), task.version());
		}
	}

	@GetMapping("/tasks/{id}")
	String task(@PathVariable UUID id, @ModelAttribute("fmt") Formats fmt,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		TaskView task = tasks.get(new TaskId(id), viewers.of(DashboardModel.required()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", TaskForm.of(task, fmt));
		}
		show(task, model);
		return htmx != null ? "dashboard/task :: activity" : "dashboard/task";
	}

	@PostMapping("/tasks/{id}")
	String change(@PathVariable UUID id, @Valid @ModelAttribute("form") TaskForm form, BindingResult errors,
			@ModelAttribute("fmt") Formats fmt, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TaskId taskId = new TaskId(id);
		Viewer viewer = viewers.writer();
		Instant deadline = null;
		if (!errors.hasErrors()) {
			try {
				deadline = fmt.parseInput(form.deadline());
			}
			catch (RuntimeException unparsable) {
				errors.rejectValue("deadline", "task.deadline.invalid");
			}
		}
		if (errors.hasErrors()) {
			show(tasks.get(taskId, viewer), model);
			response.setStatus(400);
			return "dashboard/task";
		}
		TaskView current = tasks.get(taskId, viewer);
		Deadline newDeadline = deadline == null ? null
				: new Deadline(deadline, current.deadline() == null ? "minute" : current.deadline().grain());
		return act(taskId, redirect, () -> tasks.change(taskId, form.version(),
				new TaskManagement.Changes(form.title().trim(), form.description() == null ? "" : form.description(),
						Priority.of(form.priority()), newDeadline, null),
				viewer));
	}

	@PostMapping("/tasks/{id}/assign")
	String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable String assignee,
			@RequestParam(required = false) @Nullable String team, @RequestParam int version,
			RedirectAttributes redirect) {
		TaskId taskId = new TaskId(id);
		Viewer viewer = viewers.writer();
		UserId user = assignee == null || assignee.isBlank() ? null : UserId.of(assignee);
		TeamId teamId = team == null || team.isBlank() ? null : TeamId.of(team);
		return act(taskId, redirect, () -> tasks.assign(taskId, version, user, teamId, viewer));
	}

	@PostMapping("/tasks/{id}/{step:start|block|complete|cancel|reopen|confirm}")
	String transition(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) @Nullable Integer version,
			RedirectAttributes redirect) {
		TaskId taskId = new TaskId(id);
		Viewer viewer = viewers.writer();
		return act(taskId, redirect, () -> {
			switch (step) {
				case "start" -> tasks.start(taskId, version, viewer);
				case "block" -> tasks.block(taskId, version, null, viewer);
				case "complete" -> tasks.complete(taskId, version, viewer);
				case "cancel" -> tasks.cancel(taskId, version, null, viewer);
				case "confirm" -> tasks.confirm(taskId, viewer);
				default -> tasks.reopen(taskId, version, null, viewer);
			}
		});
	}

	@PostMapping("/tasks/{id}/comments")
	String comment(@PathVariable UUID id, @RequestParam String body, RedirectAttributes redirect) {
		TaskId taskId = new TaskId(id);
		Viewer viewer = viewers.writer();
		if (body.isBlank() || body.length() > 10_000) {
			redirect.addFlashAttribute("error", "task.comment.invalid");
			return "redirect:/tasks/" + id;
		}
		return act(taskId, redirect, () -> tasks.comment(taskId, body, viewer));
	}

	/** Runs a change and goes back to the task page, with what went wrong if the task module refused it. */
	private String act(TaskId id, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (PreconditionFailed stale) {
			redirect.addFlashAttribute("error", "task.error.stale");
		}
		catch (Conflict notAllowed) {
			redirect.addFlashAttribute("error", "task.error.transition");
		}
		catch (InvalidRequest invalid) {
			redirect.addFlashAttribute("error", "task.error.invalid");
			redirect.addFlashAttribute("errorDetail", invalid.getMessage());
		}
		return "redirect:/tasks/" + id.value();
	}

	private void show(TaskView task, Model model) {
		Viewer viewer = viewers.of(DashboardModel.required());
		model.addAttribute("task", task);
		model.addAttribute("steps", steps(task));
		model.addAttribute("staff", viewers.staffNames());
		model.addAttribute("teams", viewers.teamNames());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("timeline", tasks.history(task.id(), viewer)
			.stream()
			.map(line -> new TimelineEntry(line.at(), line.actorType(), who(line.actorType(), line.actorId()), line.action(),
					line.changes().keySet().stream().sorted().toList(), line.reason()))
			.toList());
		model.addAttribute("comments", tasks.comments(task.id(), viewer)
			.stream()
			.map(c -> new CommentLine(viewers.nameOf(c.authorId()), c.body(), c.createdAt()))
			.toList());
		MessageView source = task.sourceMessageId() == null ? null
				: conversations.message(new MessageId(task.sourceMessageId())).orElse(null);
		model.addAttribute("source", source);
		model.addAttribute("sourceText", source == null || source.text() == null ? List.of() : highlight(source.text(), task.evidence()));
		model.addAttribute("context", source == null ? List.of() : around(source));
	}

	/** The messages just before and after the source message in its conversation (up to three each side). */
	private List<MessageView> around(MessageView source) {
		List<MessageView> thread = conversations.messages(source.conversationId(), 500, 0)
			.stream()
			.filter(m -> m.text() != null && !"reaction".equals(m.type()))
			.toList();
		int at = -1;
		for (int i = 0; i < thread.size(); i++) {
			if (thread.get(i).id().equals(source.id())) {
				at = i;
			}
		}
		if (at < 0) {
			return List.of(source);
		}
		return thread.subList(Math.max(0, at - 3), Math.min(thread.size(), at + 4));
	}

	record TimelineEntry(Instant at, String kind, String who, String action, List<String> fields,
			@Nullable String reason) {
	}

	record CommentLine(String author, String body, Instant at) {
	}

	private String who(String actorType, @Nullable String actorId) {
		return "USER".equals(actorType) ? viewers.nameOf(actorId) : actorId == null ? "" : actorId;
	}

	/** The transitions the task's status allows, as the task module defines them. */
	static List<String> steps(TaskView task) {
		List<String> steps = new ArrayList<>();
		if (task.suggested() && task.status() == TaskStatus.OPEN) {
			steps.add("confirm");
		}
		switch (task.status()) {
			case OPEN -> steps.addAll(List.of("start", "block", "complete", "cancel"));
			case IN_PROGRESS -> steps.addAll(List.of("block", "complete", "cancel"));
			case BLOCKED -> steps.addAll(List.of("start", "complete", "cancel"));
			default -> steps.add("reopen");
		}
		return steps;
	}

	/** A part of the source text, with the task field its evidence span stands for (or none). */
	record Segment(String text, @Nullable String field) {
	}

	/**
	 * Cuts the message text into plain parts and the evidence spans (action, deadline, assignee, priority). The
	 * action usually spans the whole request, so the narrower fields are drawn over it. A span whose offsets do not
	 * point at its text is looked up by its text.
	 */
	static List<Segment> highlight(String text, List<Evidence> evidence) {
		String[] fieldAt = new String[text.length()];
		List<Evidence> ordered = new ArrayList<>(evidence);
		ordered.sort(Comparator.comparing((Evidence e) -> !isAction(e.field())));
		for (Evidence e : ordered) {
			int start = e.start();
			int end = e.end();
			if (start < 0 || end > text.length() || start >= end || !text.substring(start, end).equals(e.text())) {
				start = e.text().isEmpty() ? -1 : text.indexOf(e.text());
				end = start + e.text().length();
			}
			for (int i = Math.max(start, 0); start >= 0 && i < end; i++) {
				fieldAt[i] = e.field();
			}
		}
		List<Segment> segments = new ArrayList<>();
		int from = 0;
		for (int i = 1; i <= text.length(); i++) {
			if (i == text.length() || !java.util.Objects.equals(fieldAt[i], fieldAt[from])) {
				segments.add(new Segment(text.substring(from, i), fieldAt[from]));
				from = i;
			}
		}
		return segments;
	}

	private static boolean isAction(String field) {
		return field.equals("action") || field.equals("title");
	}
}

package com.whatsappflowhub.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.tasks.TaskFilter;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import com.whatsappflowhub.tasks.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The review queue: tasks the pipeline suggested (confidence between the tenant's thresholds), oldest decision
 * first, to confirm, correct (on the task page, then confirm) or reject (the task is cancelled with the reason
 * "rejected in review"). Both decisions stay in the task's history, which is where the AI confirmation rate is
 * measured from. One keystroke each: {@code c}, {@code e}, {@code r}, and {@code j}/{@code k} to move.
 */
@Controller
class ReviewPages {

	static final String REJECTED = "rejected in review";

	private final TaskManagement tasks;

	private final Viewers viewers;

	ReviewPages(TaskManagement tasks, Viewers viewers) {
		this.tasks = tasks;
		this.viewers = viewers;
	}

	@GetMapping("/review")
	String queue(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		DashboardUser me = DashboardModel.required();
		TaskFilter filter = new TaskFilter(EnumSet.of(TaskStatus.OPEN), null, null, Set.of(), null, null, null, null,
				null, null, true);
		List<TaskView> queue = tasks.list(filter, viewers.of(me), null, 100).items();
		model.addAttribute("queue", queue);
		model.addAttribute("staff", viewers.staffNames());
		return htmx != null ? "dashboard/review :: items" : "dashboard/review";
	}

	@PostMapping("/review/{id}/confirm")
	Object confirm(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
		Viewer viewer = viewers.writer();
		return decided(htmx, () -> tasks.confirm(new TaskId(id), viewer));
	}

	@PostMapping("/review/{id}/reject")
	Object reject(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
		Viewer viewer = viewers.writer();
		return decided(htmx, () -> tasks.cancel(new TaskId(id), null, REJECTED, viewer));
	}

	/**
	 * htmx swaps the decided item out (an empty 200); a plain form post goes back to the queue. A suggestion decided
	 * meanwhile by someone else leaves the queue all the same.
	 */
	private static Object decided(@Nullable String htmx, Runnable decision) {
		try {
			decision.run();
		}
		catch (Conflict alreadyDecided) {
			// confirmed or closed by someone else: it is no longer in the queue either way
		}
		return htmx != null ? ResponseEntity.ok().body("") : "redirect:/review";
	}
}

package com.whatsappflowhub.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff say on WhatsApp about the message a task came from: a reply "done ✅" from the assignee completes
 * it, "I'll take it" assigns it to whoever said it, a ✅ reaction completes it and a 👍 accepts it (confirms a
 * suggestion, and takes it if nobody has it). Customers' and deactivated employees' replies change nothing. Each change is in the task's
 * history as coming from WhatsApp.
 */
@Service
public class ConversationActivity {

	private final TaskManagement tasks;

	private final Directory directory;

	ConversationActivity(TaskManagement tasks, Directory directory) {
		this.tasks = tasks;
		this.directory = directory;
	}

	@Transactional
	public List<TaskView> replied(UUID repliedToMessage, @Nullable UserId staff, String text) {
		return act(repliedToMessage, staff, ConversationSignal.ofReply(text));
	}

	@Transactional
	public List<TaskView> reacted(UUID reactedToMessage, @Nullable UserId staff, String emoji) {
		return act(reactedToMessage, staff, ConversationSignal.ofReaction(emoji));
	}

	private List<TaskView> act(UUID message, @Nullable UserId staff, ConversationSignal signal) {
		if (staff == null || signal == ConversationSignal.NONE) {
			return List.of();
		}
		// who someone was when the message arrived is not who they are now: a deactivated employee changes nothing
		if (directory.member(staff).filter(StaffMember::active).isEmpty()) {
			return List.of();
		}
		Actor by = new Actor(Actor.Type.WHATSAPP, staff.toString());
		List<TaskView> changed = new ArrayList<>();
		for (TaskView task : tasks.fromMessage(message)) {
			if (!task.status().isOpen()) {
				continue;
			}
			boolean mine = task.assigneeId() == null || staff.equals(task.assigneeId());
			TaskView after = switch (signal) {
				case COMPLETE -> mine ? tasks.apply(task.id(), by, TaskManagement.Steps::complete) : null;
				case TAKE -> tasks.apply(task.id(), by, steps -> {
					if (task.suggested()) {
						steps.confirm();
					}
					return steps.assignTo(staff, null);
				});
				case ACCEPT -> tasks.apply(task.id(), by, steps -> {
					if (task.suggested()) {
						steps.confirm();
					}
					return task.assigneeId() == null ? steps.assignTo(staff, null) : steps;
				});
				default -> null;
			};
			if (after != null) {
				changed.add(after);
			}
		}
		return changed;
	}
}

package com.whatsappflowhub.whatsapp.outbound;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.ConversationHistory;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.tasks.CustomerWindowClosing;
import com.whatsappflowhub.tasks.TaskDueSoon;
import com.whatsappflowhub.tasks.TaskEscalated;
import com.whatsappflowhub.tasks.TaskView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells staff on WhatsApp what needs them: a deadline coming up (the assignee), a task overdue for too long (the
 * team's manager), a customer's 24-hour window about to close on a conversation with open tasks (the assignees).
 * Staff are reached in the conversation they have with the business number; one who never wrote to it cannot be
 * reached this way, which is logged.
 */
@Component
class StaffNotifications {

	private static final Logger log = LoggerFactory.getLogger(StaffNotifications.class);

	private final Sending sending;

	private final ConversationHistory conversations;

	private final Directory directory;

	StaffNotifications(Sending sending, ConversationHistory conversations, Directory directory) {
		this.sending = sending;
		this.conversations = conversations;
		this.directory = directory;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TaskDueSoon event) {
		TaskView task = event.task();
		notify(task.assigneeId(), "Reminder: \"" + task.title() + "\" is due " + when(task.deadline() == null ? null
				: task.deadline().at()) + ".", "remind:" + task.id());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TaskEscalated event) {
		TaskView task = event.task();
		String assignee = task.assigneeId() == null ? "nobody"
				: directory.member(task.assigneeId()).map(StaffMember::name).orElse("someone");
		notify(event.manager(), "Overdue: \"" + task.title() + "\" (assigned to " + assignee + ") was due "
				+ when(task.deadline() == null ? null : task.deadline().at()) + ".", "escalate:" + task.id());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CustomerWindowClosing event) {
		Set<UserId> assignees = new LinkedHashSet<>();
		event.openTasks().forEach(task -> {
			if (task.assigneeId() != null) {
				assignees.add(task.assigneeId());
			}
		});
		String titles = String.join("; ", event.openTasks().stream().map(TaskView::title).toList());
		for (UserId assignee : assignees) {
			notify(assignee, "The customer's 24-hour WhatsApp window closes " + when(event.closesAt())
					+ " (open: " + titles + "). Reply before then; afterwards only a template can reach them.",
					"window:" + event.conversationId() + ":" + event.closesAt().toEpochMilli() + ":" + assignee);
		}
	}

	private void notify(@Nullable UserId staff, String text, String key) {
		if (staff == null) {
			return;
		}
		var conversation = conversations.conversationWithStaff(staff);
		if (conversation.isEmpty()) {
			// not the text: it quotes the task, which quotes the customer
			log.info("Cannot tell staff {} on WhatsApp (no conversation with the business number): {}", staff, key);
			return;
		}
		try {
			sending.send(conversation.get(), new SendRequest("text", text, false, null, null, null, null), "staff:" + key,
					null);
		}
		catch (Conflict | NotFound | Sending.SendRefused ex) {
			log.warn("Could not tell staff {} on WhatsApp ({}): {}", staff, key, ex.getMessage());
		}
	}

	private String when(@Nullable Instant at) {
		if (at == null) {
			return "soon";
		}
		Directory.TenantSettings tenant = directory.settings();
		return "on " + DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.forLanguageTag(tenant.locale()))
			.format(at.atZone(ZoneId.of(tenant.timezone())));
	}
}

package com.whatsappflowhub.tasks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.StaffNotificationRequested;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What staff are told on WhatsApp, and when: a deadline coming up (the assignee), a task overdue for too long (the
 * team's manager), a customer's 24-hour window about to close on a conversation with open tasks (the assignees). Runs
 * in the transaction that raised the task event, so the request to the channel is recorded with it. A notice's key
 * names the deadline or window it is about: a task whose deadline moved is reminded again.
 */
@Component
class StaffNotices {

	private final Directory directory;

	private final ApplicationEventPublisher events;

	StaffNotices(Directory directory, ApplicationEventPublisher events) {
		this.directory = directory;
		this.events = events;
	}

	@EventListener
	void on(TaskDueSoon event) {
		TaskView task = event.task();
		Instant due = task.deadline() == null ? null : task.deadline().at();
		notify(event.tenantId(), task.assigneeId(), "Reminder: \"" + task.title() + "\" is due " + when(due) + ".",
				"remind:" + task.id() + ":" + epoch(due));
	}

	@EventListener
	void on(TaskEscalated event) {
		TaskView task = event.task();
		Instant due = task.deadline() == null ? null : task.deadline().at();
		String assignee = task.assigneeId() == null ? "nobody"
				: directory.member(task.assigneeId()).map(StaffMember::name).orElse("someone");
		notify(event.tenantId(), event.manager(), "Overdue: \"" + task.title() + "\" (assigned to " + assignee
				+ ") was due " + when(due) + ".", "escalate:" + task.id() + ":" + epoch(due));
	}

	@EventListener
	void on(CustomerWindowClosing event) {
		Set<UserId> assignees = new LinkedHashSet<>();
		event.openTasks().forEach(task -> {
			if (task.assigneeId() != null) {
				assignees.add(task.assigneeId());
			}
		});
		String titles = String.join("; ", event.openTasks().stream().map(TaskView::title).toList());
		for (UserId assignee : assignees) {
			notify(event.tenantId(), assignee, "The customer's 24-hour WhatsApp window closes " + when(event.closesAt())
					+ " (open: " + titles + "). Reply before then; afterwards only a template can reach them.",
					"window:" + event.conversationId() + ":" + event.closesAt().toEpochMilli() + ":" + assignee);
		}
	}

	private void notify(TenantId tenant, @Nullable UserId staff, String text, String key) {
		if (staff != null) {
			events.publishEvent(new StaffNotificationRequested(tenant, staff, text, key));
		}
	}

	private static String epoch(@Nullable Instant at) {
		return at == null ? "-" : Long.toString(at.toEpochMilli());
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

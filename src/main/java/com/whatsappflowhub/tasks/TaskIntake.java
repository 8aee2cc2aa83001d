package com.whatsappflowhub.tasks;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.whatsapp.SenderNotificationRequested;
import com.whatsappflowhub.workflow.Decision;
import com.whatsappflowhub.workflow.RoutingRules;
import com.whatsappflowhub.workflow.RuleInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an analysed message into tasks: applies the tenant's confidence thresholds (create, suggest, or
 * nothing), runs the routing rules (their changes are recorded as the rule's), and asks for the customer to be
 * told that the request was logged. Idempotent: the same message analysed twice creates its tasks once.
 */
@Service
public class TaskIntake {

	private final TaskManagement tasks;

	private final RoutingRules rules;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	TaskIntake(TaskManagement tasks, RoutingRules rules, Directory directory, ApplicationEventPublisher events) {
		this.tasks = tasks;
		this.rules = rules;
		this.directory = directory;
		this.events = events;
	}

	/** A message as the extraction engine understood it. {@code senderRole} is customer, staff or manager. */
	public record AnalyzedMessage(UUID messageId, @Nullable UUID conversationId, @Nullable UserId senderUser,
			String senderRole, @Nullable String senderName, String text, @Nullable String language, boolean actionable,
			double confidence, String engine, List<Proposed> tasks) {
	}

	public record Proposed(String title, @Nullable String description, Priority priority, @Nullable UserId assignee,
			@Nullable Deadline deadline, double confidence, List<Evidence> evidence) {
	}

	@Transactional
	public List<TaskView> intake(AnalyzedMessage message) {
		return intake(message, directory.settings());
	}

	/** A batch of one tenant's analysed messages, reading the tenant's settings once: the tasks made from each. */
	@Transactional
	public List<List<TaskView>> intakeAll(List<AnalyzedMessage> messages) {
		Directory.TenantSettings tenant = directory.settings();
		return messages.stream().map(message -> intake(message, tenant)).toList();
	}

	private List<TaskView> intake(AnalyzedMessage message, Directory.TenantSettings tenant) {
		PipelineSettings settings = PipelineSettings.from(tenant.preferences());
		List<TaskView> created = new ArrayList<>();
		for (int index = 0; index < message.tasks().size(); index++) {
			Proposed proposed = message.tasks().get(index);
			if (proposed.confidence() < settings.suggestThreshold()) {
				continue;
			}
			Decision decision = rules.decide(input(message, proposed), "message:" + message.messageId());
			boolean suggested = proposed.confidence() < settings.autoThreshold() || decision.requireConfirmation();
			Optional<TaskView> task = tasks.propose(new TaskManagement.Proposal("message:" + message.messageId() + ":" + index,
					proposed.title(), proposed.description(), proposed.priority(), proposed.assignee(), null,
					proposed.deadline(), proposed.confidence(), proposed.evidence(), List.of(), message.messageId(),
					message.conversationId(), message.senderUser(), suggested), new Actor(Actor.Type.AI, message.engine()));
			if (task.isEmpty()) {
				continue; // this message was handled before
			}
			TaskView view = applyRules(task.get(), decision);
			if (!decision.pushTo().isEmpty()) {
				events.publishEvent(new TaskRouted(view, decision.pushTo()));
			}
			created.add(view);
			notifySender(message, view, decision, settings, tenant, suggested);
		}
		return created;
	}

	private TaskView applyRules(TaskView task, Decision decision) {
		if (decision.matched().isEmpty()
				|| (decision.priority() == null && decision.assignee() == null && decision.team() == null
						&& decision.labels().isEmpty())) {
			return task;
		}
		String names = String.join(", ", decision.matched().stream().map(Decision.Match::name).toList());
		return tasks.apply(task.id(), new Actor(Actor.Type.RULE, names), steps -> {
			if (decision.priority() != null) {
				steps.priority(Priority.of(decision.priority()), "rule " + names);
			}
			if (decision.assignee() != null || decision.team() != null) {
				steps.assignTo(decision.assignee() == null ? task.assigneeId() : new UserId(decision.assignee()),
						decision.team() == null ? null : new TeamId(decision.team()));
			}
			if (!decision.labels().isEmpty()) {
				List<String> labels = new ArrayList<>(task.labels());
				labels.addAll(decision.labels());
				steps.labels(labels);
			}
			return steps;
		});
	}

	private void notifySender(AnalyzedMessage message, TaskView task, Decision decision, PipelineSettings settings,
			Directory.TenantSettings tenant, boolean suggested) {
		UUID conversation = message.conversationId();
		if (conversation == null) {
			return;
		}
		int n = 0;
		for (String text : decision.notifications()) {
			events.publishEvent(new SenderNotificationRequested(TenantContext.require(), conversation,
					message.messageId(), fill(text, task, tenant), "rule:" + task.id() + ":" + n++));
		}
		if (settings.notifySender() && "customer".equals(message.senderRole()) && !suggested) {
			events.publishEvent(new SenderNotificationRequested(TenantContext.require(), conversation,
					message.messageId(), fill(settings.loggedText(), task, tenant), "logged:" + task.id()));
		}
	}

	static String fill(String text, TaskView task, Directory.TenantSettings tenant) {
		String due = "";
		if (task.deadline() != null) {
			DateTimeFormatter format = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
					Locale.forLanguageTag(tenant.locale()));
			due = " (due " + format.format(task.deadline().at().atZone(ZoneId.of(tenant.timezone()))) + ")";
		}
		return text.replace("{title}", task.title()).replace("{due}", due);
	}

	private static RuleInput input(AnalyzedMessage message, Proposed proposed) {
		Map<String, Object> msg = new HashMap<>();
		msg.put("id", message.messageId().toString());
		msg.put("text", message.text());
		msg.put("language", message.language() == null ? "" : message.language());
		Map<String, Object> analysis = Map.of("actionable", message.actionable(), "confidence", message.confidence(),
				"engine", message.engine());
		Map<String, Object> task = new HashMap<>();
		task.put("title", proposed.title());
		task.put("priority", proposed.priority().code());
		task.put("confidence", proposed.confidence());
		task.put("assignee", proposed.assignee() == null ? "" : proposed.assignee().toString());
		task.put("hasDeadline", proposed.deadline() != null);
		Map<String, Object> sender = new HashMap<>();
		sender.put("role", message.senderRole());
		sender.put("name", message.senderName() == null ? "" : message.senderName());
		sender.put("staff", message.senderUser() != null);
		return new RuleInput(msg, analysis, task, sender);
	}
}

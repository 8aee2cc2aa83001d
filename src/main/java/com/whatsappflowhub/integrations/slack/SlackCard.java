package com.whatsappflowhub.integrations.slack;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.whatsappflowhub.integrations.SyncTask;
import com.whatsappflowhub.tasks.Deadline;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A task as a Slack message in Block Kit: a header with the title, fields (status, priority, assignee, due in the
 * tenant's zone), the description, a context line (who sent the WhatsApp message, how sure the AI was), and the
 * buttons <em>View task</em> (a link back), <em>Accept</em> and <em>Reassign</em> while the task is open; plus the
 * plain {@code text} Slack shows in notifications and to screen readers. Slack's limits are kept here (header 150
 * characters, a section's text 3,000, a field 2,000, a button's text 75), and what people wrote is escaped for
 * mrkdwn ({@code &}, {@code <}, {@code >}) so that it cannot mention {@code @channel} or forge a link.
 */
final class SlackCard {

	static final String ACCEPT = "flowhub_accept";

	static final String REASSIGN = "flowhub_reassign";

	static final String VIEW = "flowhub_view";

	static final String ACTIONS_BLOCK = "flowhub_actions";

	/** The Reassign modal: its {@code callback_id}, and where its user picker is in {@code view.state.values}. */
	static final String MODAL = "flowhub_reassign_modal";

	static final String PICKER_BLOCK = "assignee";

	static final String PICKER = "assignee_user";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final Set<String> PRECISE = Set.of("minute", "hour");

	private static final Map<Priority, String> PRIORITIES = Map.of(Priority.URGENT, ":red_circle: Urgent",
			Priority.HIGH, ":large_orange_circle: High", Priority.MEDIUM, ":large_yellow_circle: Medium", Priority.LOW,
			":white_circle: Low");

	private final JsonMapper json;

	SlackCard(JsonMapper json) {
		this.json = json;
	}

	/** The message's blocks. */
	ArrayNode blocks(SyncTask sync) {
		TaskView task = sync.task();
		ArrayNode blocks = json.createArrayNode();
		ObjectNode header = blocks.addObject();
		header.put("type", "header");
		header.set("text", plain(cut(oneLine(task.title()), 150)));

		ObjectNode facts = blocks.addObject();
		facts.put("type", "section");
		ArrayNode fields = facts.putArray("fields");
		fields.add(mrkdwn("*Status*\n" + status(task.status())));
		fields.add(mrkdwn("*Priority*\n" + PRIORITIES.get(task.priority())));
		fields.add(mrkdwn("*Assignee*\n" + assignee(sync.assignee())));
		fields.add(mrkdwn("*Due*\n" + (task.deadline() == null ? "_no deadline_" : due(task.deadline(), sync))));

		if (task.description() != null && !task.description().isBlank()) {
			ObjectNode description = blocks.addObject();
			description.put("type", "section");
			description.set("text", mrkdwn(cut(escape(task.description().strip()), 3000)));
		}

		ObjectNode context = blocks.addObject();
		context.put("type", "context");
		context.putArray("elements").add(mrkdwn(cut(context(sync), 3000)));

		ObjectNode actions = blocks.addObject();
		actions.put("type", "actions");
		actions.put("block_id", ACTIONS_BLOCK);
		ArrayNode buttons = actions.putArray("elements");
		ObjectNode view = button(buttons, VIEW, "View task", task.id().toString());
		view.put("url", sync.taskUrl());
		if (task.status().isOpen()) {
			button(buttons, ACCEPT, "Accept", task.id().toString()).put("style", "primary");
			button(buttons, REASSIGN, "Reassign", task.id().toString());
		}
		return blocks;
	}

	/** What notifications and screen readers show: the same facts in one line. */
	String text(SyncTask sync) {
		TaskView task = sync.task();
		List<String> parts = new ArrayList<>();
		parts.add(status(task.status()));
		parts.add(task.priority().code() + " priority");
		if (sync.assignee() != null) {
			parts.add("assigned to " + escape(sync.assignee().name()));
		}
		if (task.deadline() != null) {
			parts.add("due " + due(task.deadline(), sync));
		}
		return cut("Task: " + escape(oneLine(task.title())) + " (" + String.join(", ", parts) + ")", 3000);
	}

	/** The Reassign modal: the task's title and a user picker; {@code metadata} comes back with the submission. */
	ObjectNode reassignModal(String title, String metadata) {
		ObjectNode view = json.createObjectNode();
		view.put("type", "modal");
		view.put("callback_id", MODAL);
		view.set("title", plain("Reassign task"));
		view.set("submit", plain("Reassign"));
		view.set("close", plain("Cancel"));
		view.put("private_metadata", metadata);
		ArrayNode blocks = view.putArray("blocks");
		ObjectNode about = blocks.addObject();
		about.put("type", "section");
		about.set("text", mrkdwn(cut("*" + escape(oneLine(title)) + "*", 3000)));
		ObjectNode input = blocks.addObject();
		input.put("type", "input");
		input.put("block_id", PICKER_BLOCK);
		input.set("label", plain("Assign to"));
		ObjectNode picker = input.putObject("element");
		picker.put("type", "users_select");
		picker.put("action_id", PICKER);
		picker.set("placeholder", plain("Choose a person"));
		return view;
	}

	private ObjectNode button(ArrayNode buttons, String actionId, String text, String value) {
		ObjectNode button = buttons.addObject();
		button.put("type", "button");
		button.put("action_id", actionId);
		button.set("text", plain(text));
		button.put("value", value);
		return button;
	}

	private String context(SyncTask sync) {
		List<String> parts = new ArrayList<>();
		SyncTask.Source source = sync.source();
		if (source != null) {
			parts.add("From *" + escape(oneLine(source.sender())) + "* on WhatsApp, "
					+ MINUTE.format(ZonedDateTime.ofInstant(source.at(), sync.zone())));
		}
		else {
			parts.add("Created in WhatsAppFlowHub");
		}
		if (sync.task().confidence() != null) {
			parts.add("AI confidence " + Math.round(sync.task().confidence() * 100) + "%");
		}
		return String.join(" · ", parts);
	}

	private static String assignee(SyncTask.@Nullable Assignee assignee) {
		if (assignee == null) {
			return "_nobody yet_";
		}
		return assignee.remoteId() != null ? "<@" + assignee.remoteId() + ">" : escape(assignee.name());
	}

	static String due(Deadline deadline, SyncTask sync) {
		ZonedDateTime at = ZonedDateTime.ofInstant(deadline.at(), sync.zone());
		boolean precise = deadline.grain() == null || PRECISE.contains(deadline.grain());
		return (precise ? MINUTE : DAY).format(at) + " (" + sync.zone().getId() + ")";
	}

	private static String status(TaskStatus status) {
		return switch (status) {
			case OPEN -> "Open";
			case IN_PROGRESS -> "In progress";
			case BLOCKED -> "Blocked";
			case DONE -> ":white_check_mark: Done";
			case CANCELLED -> "Cancelled";
		};
	}

	private ObjectNode plain(String text) {
		ObjectNode node = json.createObjectNode();
		node.put("type", "plain_text");
		node.put("text", text.isBlank() ? "-" : text);
		node.put("emoji", true);
		return node;
	}

	private ObjectNode mrkdwn(String text) {
		ObjectNode node = json.createObjectNode();
		node.put("type", "mrkdwn");
		node.put("text", text.isBlank() ? "-" : text);
		return node;
	}

	/** Slack's three control characters in mrkdwn. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ").trim();
	}

	/** At most {@code max} characters (counted as Slack does, in UTF-16 units), cut on a code point. */
	static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}
}

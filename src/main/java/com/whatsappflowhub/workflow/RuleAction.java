package com.whatsappflowhub.workflow;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a matching rule does. On the wire: {@code {"type": "set_priority", "priority": "high"}} and so on. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = RuleAction.SetPriority.class, name = "set_priority"),
		@JsonSubTypes.Type(value = RuleAction.AssignUser.class, name = "assign_user"),
		@JsonSubTypes.Type(value = RuleAction.AssignTeam.class, name = "assign_team"),
		@JsonSubTypes.Type(value = RuleAction.AddLabels.class, name = "add_labels"),
		@JsonSubTypes.Type(value = RuleAction.NotifySender.class, name = "notify_sender"),
		@JsonSubTypes.Type(value = RuleAction.RequireConfirmation.class, name = "require_confirmation"),
		@JsonSubTypes.Type(value = RuleAction.PushTo.class, name = "push_to") })
public sealed interface RuleAction {

	record SetPriority(String priority) implements RuleAction {
	}

	record AssignUser(UUID userId) implements RuleAction {
	}

	/** Round-robin among the team's active members. */
	record AssignTeam(UUID teamId) implements RuleAction {
	}

	record AddLabels(List<String> labels) implements RuleAction {
	}

	/** Tell the sender on WhatsApp; {@code {title}} and {@code {due}} are filled in. */
	record NotifySender(String text) implements RuleAction {
	}

	/** Create the task as a suggestion that a person confirms. */
	record RequireConfirmation() implements RuleAction {
	}

	/** Push the new task to this connection (Jira, Slack, ...), whatever the connection's own filter says. */
	record PushTo(UUID connectionId) implements RuleAction {
	}
}

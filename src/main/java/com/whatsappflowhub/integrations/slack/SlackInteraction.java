package com.whatsappflowhub.integrations.slack;

import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * A click on a card that was verified and acknowledged, to be acted on after the answer to Slack: recorded in the
 * transaction of the acknowledgement (the delivery engine carries it, with retries when Slack is slow to tell us a
 * user's e-mail address).
 *
 * @param eventId what makes it once only (Slack's {@code action_ts} of the click, or the modal's view id)
 * @param card the card's key ({@code <channel>/<ts>}), which finds the task the connection linked to it
 * @param userId who clicked, in Slack
 * @param userName their Slack name, for the task's history ({@code INTEGRATION slack:<name>})
 * @param chosenUserId whom they chose in the Reassign modal
 * @param notice for {@link Kind#NOTICE}: what to tell the user
 */
record SlackInteraction(TenantId tenantId, UUID connectionId, Kind kind, String eventId, String card, String channel,
		UUID taskId, String userId, String userName, @Nullable String chosenUserId, @Nullable String notice)
		implements TenantScoped {

	enum Kind {

		/** <em>Accept</em>: the task goes to whoever clicked. */
		ACCEPT,

		/** The Reassign modal was submitted: the task goes to the chosen user. */
		REASSIGN,

		/** Only a message to the user (the modal could not be opened). */
		NOTICE

	}

	/** The Slack user who is to get the task. */
	String assignee() {
		return kind == Kind.REASSIGN && chosenUserId != null ? chosenUserId : userId;
	}
}

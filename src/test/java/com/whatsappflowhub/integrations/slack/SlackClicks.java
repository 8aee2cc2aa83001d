package com.whatsappflowhub.integrations.slack;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.whatsappflowhub.integrations.IntegrationContracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Slack sends when someone clicks a card's button or submits our modal, made from the real payloads of Slack's
 * Java SDK tests in {@code ../shared/contracts/slack/interactivity-examples/} with the workspace's ids and ours put in,
 * and form-encoded as Slack sends them ({@code payload=<URL-encoded JSON>}).
 */
final class SlackClicks {

	private static final JsonMapper JSON = JsonMapper.shared();

	private SlackClicks() {
	}

	/** A click on one of a card's buttons by {@code userId}. */
	static ObjectNode click(LocalSlack.Workspace workspace, String actionId, String card, String taskId, String userId,
			String userName, String trigger) {
		ObjectNode payload = example("block_actions.button.with_state.json");
		String channel = card.substring(0, card.indexOf('/'));
		String ts = card.substring(card.indexOf('/') + 1);
		payload.putObject("team").put("id", workspace.teamId()).put("domain", workspace.domain());
		payload.put("api_app_id", workspace.appId());
		payload.putObject("user").put("id", userId).put("username", userName).put("name", userName)
			.put("team_id", workspace.teamId());
		payload.putObject("container").put("type", "message").put("message_ts", ts).put("channel_id", channel)
			.put("is_ephemeral", false);
		payload.putObject("channel").put("id", channel).put("name", "ops");
		payload.put("trigger_id", trigger);
		payload.put("response_url", "https://hooks.slack.com/actions/" + workspace.teamId() + "/1/x");
		payload.remove("state");
		ObjectNode action = (ObjectNode) payload.get("actions").get(0);
		action.put("action_id", actionId);
		action.put("block_id", SlackCard.ACTIONS_BLOCK);
		action.put("value", taskId);
		action.putObject("text").put("type", "plain_text").put("text", actionId).put("emoji", true);
		action.put("action_ts", (System.currentTimeMillis() / 1000) + "." + String.format("%06d", (long) (Math.random() * 999_999)));
		return payload;
	}

	/** The Reassign modal Slack opened for us ({@code view} as views.open answered), submitted with {@code chosen}. */
	static ObjectNode submission(LocalSlack.Workspace workspace, JsonNode view, String userId, String userName,
			String chosen) {
		ObjectNode payload = example("view_submission.modal.json");
		payload.putObject("team").put("id", workspace.teamId()).put("domain", workspace.domain());
		payload.put("api_app_id", workspace.appId());
		payload.putObject("user").put("id", userId).put("username", userName).put("name", userName)
			.put("team_id", workspace.teamId());
		ObjectNode submitted = (ObjectNode) payload.get("view");
		view.properties().forEach(field -> submitted.set(field.getKey(), field.getValue().deepCopy()));
		submitted.put("root_view_id", view.path("id").asString());
		ObjectNode values = submitted.putObject("state").putObject("values");
		ObjectNode picker = values.putObject(SlackCard.PICKER_BLOCK).putObject(SlackCard.PICKER);
		picker.put("type", "users_select");
		if (chosen != null) {
			picker.put("selected_user", chosen);
		}
		return payload;
	}

	/** The body Slack posts: {@code payload=} and the JSON, URL-encoded. */
	static byte[] form(JsonNode payload) {
		return ("payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static ObjectNode example(String file) {
		try {
			return (ObjectNode) JSON.readTree(Files.readString(IntegrationContracts.vendor("slack")
				.resolve("interactivity-examples").resolve(file)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

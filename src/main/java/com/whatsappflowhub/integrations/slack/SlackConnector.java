package com.whatsappflowhub.integrations.slack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.integrations.Connection;
import com.whatsappflowhub.integrations.ConnectionManagement;
import com.whatsappflowhub.integrations.Connector;
import com.whatsappflowhub.integrations.ConnectorFailure;
import com.whatsappflowhub.integrations.InvalidConnection;
import com.whatsappflowhub.integrations.Remote;
import com.whatsappflowhub.integrations.SyncTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack through the Web API, as a bot: config {@code channel} (an id such as {@code C0123ABCD}, or a name the bot
 * has been invited to), credentials {@code botToken} ({@code xoxb-...}) and the app's {@code signingSecret} (which
 * checks the button clicks Slack sends to {@code /webhooks/slack/interactivity}). A task becomes a card
 * ({@code chat.postMessage}), every later change rewrites it ({@code chat.update}, the whole state), a comment is a
 * reply in its thread. The card's key is {@code <channel id>/<ts>}.
 *
 * <p>No {@link #find}: Slack has no idempotency key for a message and no cheap look-up of "the message we posted
 * for this task" without the {@code channels:history} scope, so an attempt whose answer was lost after Slack posted
 * the card (a timeout at the wrong moment) posts a second one. The delivery engine's claim still keeps two workers
 * from posting two.
 */
@Component
class SlackConnector implements Connector {

	static final String TYPE = "slack";

	private static final Logger log = LoggerFactory.getLogger(SlackConnector.class);

	/** A conversation id, or a channel name as Slack allows them (lower case, at most 80 characters). */
	private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{8,}|#?[\\p{Ll}\\p{Nd}][\\p{Ll}\\p{Nd}._-]{0,79}");

	/** A click's {@code trigger_id} expires 3 s after the click; the acknowledgement needs the rest. */
	static final Duration MODAL_TIMEOUT = Duration.ofSeconds(2);

	private static final Pattern BOT_TOKEN = Pattern.compile("xoxb-[A-Za-z0-9-]{10,}");

	private final SlackApi slack;

	private final SlackCard card;

	private final Directory directory;

	private final ObjectProvider<ConnectionManagement> management;

	private final JsonMapper json;

	SlackConnector(SlackApi slack, JsonMapper json, Directory directory,
			ObjectProvider<ConnectionManagement> management) {
		this.slack = slack;
		this.card = new SlackCard(json);
		this.directory = directory;
		this.management = management;
		this.json = json;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public void validate(ObjectNode config, ObjectNode credentials) {
		String channel = config.path("channel").asString("").trim();
		if (!CHANNEL.matcher(channel).matches()) {
			throw new InvalidConnection("config.channel",
					"must be a Slack channel id such as C0123ABCD, or a channel name such as #ops");
		}
		config.put("channel", channel);
		if (!BOT_TOKEN.matcher(credentials.path("botToken").asString("")).matches()) {
			throw new InvalidConnection("credentials.botToken",
					"must be the app's bot token (xoxb-...), from OAuth & Permissions after installing the app");
		}
		String secret = credentials.path("signingSecret").asString("");
		if (secret.length() < 20 || !secret.equals(secret.strip()) || secret.contains(" ")) {
			throw new InvalidConnection("credentials.signingSecret",
					"must be the app's signing secret (Basic Information → App Credentials)");
		}
	}

	/**
	 * {@code auth.test} says which workspace and bot user the token is, {@code bots.info} which app the bot belongs
	 * to: the interactivity endpoint routes a click by team and app, and recognises our own bot.
	 */
	@Override
	public ObjectNode test(Connection connection) {
		JsonNode auth = slack.call(connection, "auth.test", Map.of());
		ObjectNode self = json.createObjectNode();
		for (String field : new String[] { "team_id", "team", "url", "user_id", "user", "bot_id" }) {
			if (auth.hasNonNull(field)) {
				self.put(field, auth.path(field).asString());
			}
		}
		String botId = auth.path("bot_id").asString("");
		if (!botId.isEmpty()) {
			try {
				JsonNode bot = slack.call(connection, "bots.info", Map.of("bot", botId));
				String appId = bot.path("bot").path("app_id").asString("");
				if (!appId.isEmpty()) {
					self.put("app_id", appId);
				}
			}
			catch (ConnectorFailure ex) {
				// clicks are then routed by the team alone (and the signing secret)
				log.info("bots.info failed for connection {}: {}", connection.id(), ex.getMessage());
			}
		}
		return self;
	}

	@Override
	public Remote create(Connection connection, SyncTask task) {
		if (connection.remoteSelf().path("team_id").asString("").isEmpty()) {
			// never tested: learn the team and app now, or no click on the card could be routed back
			management.getObject().test(connection.id());
		}
		Map<String, String> arguments = message(task);
		arguments.put("channel", connection.config("channel"));
		arguments.put("unfurl_links", "false");
		arguments.put("unfurl_media", "false");
		JsonNode posted = slack.call(connection, "chat.postMessage", arguments);
		String channel = posted.path("channel").asString("");
		String ts = posted.path("ts").asString("");
		if (channel.isEmpty() || ts.isEmpty()) {
			throw ConnectorFailure.temporary("Slack posted the card but did not say its channel and ts", 200, null);
		}
		// from here on nothing may fail: a retry would post a second card
		String permalink = null;
		try {
			permalink = slack.call(connection, "chat.getPermalink", Map.of("channel", channel, "message_ts", ts))
				.path("permalink")
				.asString(null);
		}
		catch (ConnectorFailure ex) {
			log.info("No permalink for the card {}/{} of connection {}: {}", channel, ts, connection.id(),
					ex.getMessage());
		}
		return new Remote(new SlackApi.MessageRef(channel, ts).key(), permalink);
	}

	@Override
	public void update(Connection connection, SyncTask task, Remote remote) {
		SlackApi.MessageRef ref = SlackApi.MessageRef.of(remote.key());
		Map<String, String> arguments = message(task);
		arguments.put("channel", ref.channel());
		arguments.put("ts", ref.ts());
		slack.call(connection, "chat.update", arguments);
	}

	@Override
	public void comment(Connection connection, SyncTask task, Remote remote, String author, String body) {
		SlackApi.MessageRef ref = SlackApi.MessageRef.of(remote.key());
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("channel", ref.channel());
		arguments.put("thread_ts", ref.ts());
		arguments.put("text", SlackCard.cut("*" + SlackCard.escape(name(author)) + "*: " + SlackCard.escape(body), 3000));
		arguments.put("unfurl_links", "false");
		slack.call(connection, "chat.postMessage", arguments);
	}

	/** An e-mail address Slack knows for a user ({@code users:read.email}), to find them among the staff. */
	@Nullable String email(Connection connection, String userId) {
		try {
			return slack.call(connection, "users.info", Map.of("user", userId))
				.path("user")
				.path("profile")
				.path("email")
				.asString(null);
		}
		catch (ConnectorFailure ex) {
			if (ex.permanent() && ex.getMessage() != null && ex.getMessage().contains("user_not_found")) {
				return null;
			}
			throw ex;
		}
	}

	/** A message only {@code userId} sees, in the card's channel. */
	void whisper(Connection connection, String channel, String userId, String text) {
		slack.call(connection, "chat.postEphemeral", Map.of("channel", channel, "user", userId, "text", text));
	}

	/** Opens the Reassign modal for a click, waiting {@link #MODAL_TIMEOUT} at most. */
	void openModal(Connection connection, String triggerId, String title, String metadata) {
		slack.call(connection, "views.open",
				Map.of("trigger_id", triggerId, "view", json.writeValueAsString(card.reassignModal(title, metadata))),
				MODAL_TIMEOUT);
	}

	private Map<String, String> message(SyncTask task) {
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("text", card.text(task));
		arguments.put("blocks", json.writeValueAsString(card.blocks(task)));
		return arguments;
	}

	private String name(String author) {
		try {
			return directory.member(new UserId(UUID.fromString(author))).map(StaffMember::name).orElse(author);
		}
		catch (IllegalArgumentException notAUser) {
			return author; // "api" or a tool's user
		}
	}
}

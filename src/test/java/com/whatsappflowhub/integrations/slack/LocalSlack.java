package com.whatsappflowhub.integrations.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack's Web API on localhost, for as many workspaces as tests make: messages, threads, ephemeral messages, modals,
 * users and channels in memory. Every call is checked against Slack's Web API document and Block Kit's rules
 * ({@link SlackContract}, {@link BlockKit}); problems are collected in {@link #violations}. Answers have Slack's
 * shapes and are themselves checked against the document's success schemas: HTTP 200 with {@code ok: true}, or HTTP
 * 200 with {@code {"ok": false, "error"}} for a refusal ({@code not_authed}, {@code invalid_auth},
 * {@code channel_not_found}, {@code not_in_channel}, {@code message_not_found}, {@code user_not_found},
 * {@code expired_trigger_id}...), HTTP 429 with {@code Retry-After} and {@code ratelimited} on demand.
 */
final class LocalSlack implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	/** How long Slack honours a {@code trigger_id}. */
	static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

	/** A workspace with our app installed: its bot's token, ids, and the app's signing secret. */
	record Workspace(String teamId, String teamName, String domain, String botToken, String botUserId, String botId,
			String appId, String signingSecret) {
	}

	/** One call as it arrived. */
	record Call(String method, Map<String, String> arguments, String token) {
	}

	private record Channel(String id, String name, String teamId, boolean botIsMember) {
	}

	private record Failure(int status, String error) {
	}

	private final HttpServer server;

	private final SlackContract contract = SlackContract.load();

	final List<String> violations = Collections.synchronizedList(new ArrayList<>());

	final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

	/** Cards and other top-level messages by {@code <channel>/<ts>}, as they are now. */
	final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();

	/** Thread replies by the parent's {@code <channel>/<ts>}. */
	final Map<String, List<ObjectNode>> replies = new ConcurrentHashMap<>();

	/** Ephemeral messages: {@code channel}, {@code user}, {@code text}. */
	final List<ObjectNode> ephemerals = Collections.synchronizedList(new ArrayList<>());

	/** Modals opened, as Slack answered them (with their {@code id}). */
	final List<ObjectNode> views = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Workspace> byToken = new ConcurrentHashMap<>();

	private final Map<String, Channel> channels = new ConcurrentHashMap<>();

	private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();

	private final Map<String, Instant> triggers = new ConcurrentHashMap<>();

	private final Map<String, String> revoked = new ConcurrentHashMap<>();

	private final Map<String, List<Failure>> failures = new ConcurrentHashMap<>();

	private final Map<String, String> refusals = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger();

	LocalSlack() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
	}

	/** Where the Web API is, as {@code FLOWHUB_SLACK_BASE_URL} would say: {@code http://127.0.0.1:<port>/api}. */
	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
	}

	@Override
	public void close() {
		server.stop(0);
	}

	// --- what a test sets up

	/** A new workspace with the app installed and a channel {@code #ops} the bot was invited to. */
	Workspace workspace(String name) {
		String domain = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + sequence.incrementAndGet();
		Workspace workspace = new Workspace(id("T", 9), name, domain,
				"xoxb-" + digits(12) + "-" + digits(13) + "-" + HexFormat.of().formatHex(bytes(12)), id("U", 10),
				id("B", 10), id("A", 10), HexFormat.of().formatHex(bytes(16)));
		byToken.put(workspace.botToken(), workspace);
		ObjectNode bot = user(workspace, "flowhub", "FlowHub", null);
		bot.put("is_bot", true);
		users.put(workspace.botUserId(), bot.put("id", workspace.botUserId()));
		channel(workspace, "ops", true);
		return workspace;
	}

	/** A channel; {@code botIsMember} false: the bot was never invited. Returns its id. */
	String channel(Workspace workspace, String name, boolean botIsMember) {
		Channel channel = new Channel(id("C", 10), name, workspace.teamId(), botIsMember);
		channels.put(channel.id(), channel);
		return channel.id();
	}

	String channelId(Workspace workspace, String name) {
		return channels.values()
			.stream()
			.filter(c -> c.teamId().equals(workspace.teamId()) && c.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/** A member of the workspace; {@code email} null: one whose address Slack does not show. Returns their id. */
	String member(Workspace workspace, String name, String email) {
		ObjectNode user = user(workspace, name, name, email);
		users.put(user.path("id").asString(), user);
		return user.path("id").asString();
	}

	/** A {@code trigger_id} as Slack puts in a click's payload, good for one {@code views.open} within 3 s. */
	String trigger() {
		String trigger = digits(12) + "." + digits(12) + "." + HexFormat.of().formatHex(bytes(16));
		triggers.put(trigger, Instant.now().plus(TRIGGER_LIFETIME));
		return trigger;
	}

	/** The bot token stops working (the app was uninstalled): every call is {@code invalid_auth}. */
	void revoke(Workspace workspace) {
		revoked.put(workspace.botToken(), "invalid_auth");
	}

	/** The next {@code count} calls of {@code method} answer HTTP {@code status} (429: {@code Retry-After: 1}). */
	void failNext(String method, int count, int status) {
		List<Failure> queue = failures.computeIfAbsent(method, m -> Collections.synchronizedList(new ArrayList<>()));
		for (int i = 0; i < count; i++) {
			queue.add(new Failure(status, status == 429 ? "ratelimited" : "service_unavailable"));
		}
	}

	/** Every call of {@code method} is refused with Slack's {@code error} (HTTP 200, ok false) until cleared. */
	void refuse(String method, String error) {
		if (error == null) {
			refusals.remove(method);
		}
		else {
			refusals.put(method, error);
		}
	}

	void reset() {
		violations.clear();
		failures.clear();
		refusals.clear();
	}

	List<Call> calls(Workspace workspace, String method) {
		synchronized (calls) {
			return calls.stream()
				.filter(c -> c.method().equals(method) && c.token().equals(workspace.botToken()))
				.toList();
		}
	}

	List<ObjectNode> ephemerals(String user) {
		synchronized (ephemerals) {
			return ephemerals.stream().filter(e -> e.path("user").asString().equals(user)).toList();
		}
	}

	/** The cards of a workspace: top-level messages in its channels. */
	List<ObjectNode> cards(Workspace workspace) {
		return messages.values()
			.stream()
			.filter(m -> channels.get(m.path("channel").asString()).teamId().equals(workspace.teamId()))
			.toList();
	}

	// --- the Web API

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (!path.startsWith("/api/")) {
				violations.add("not under /api: " + path);
				answer(exchange, 404, null);
				return;
			}
			String method = path.substring("/api/".length());
			byte[] raw;
			try (InputStream in = exchange.getRequestBody()) {
				raw = in.readAllBytes();
			}
			String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
			Map<String, String> arguments = new LinkedHashMap<>(form(exchange.getRequestURI().getRawQuery()));
			if (!exchange.getRequestMethod().equals("POST")) {
				violations.add(method + " called with " + exchange.getRequestMethod() + ", Slack's clients POST");
			}
			arguments.putAll(form(new String(raw, StandardCharsets.UTF_8)));
			String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
			String token = authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
			calls.add(new Call(method, Map.copyOf(arguments), token));
			contract.validateCall(method, arguments, contentType, authorization).forEach(violations::add);
			if (token.isEmpty()) {
				refuse(exchange, method, "not_authed");
				return;
			}
			Workspace workspace = byToken.get(token);
			if (workspace == null || revoked.containsKey(token)) {
				refuse(exchange, method, "invalid_auth");
				return;
			}
			List<Failure> queue = failures.getOrDefault(method, List.of());
			Failure failure = null;
			synchronized (queue) {
				if (!queue.isEmpty()) {
					failure = queue.remove(0);
				}
			}
			if (failure != null) {
				if (failure.status() == 429) {
					exchange.getResponseHeaders().add("Retry-After", "1");
				}
				answer(exchange, failure.status(), error(failure.error()));
				return;
			}
			String refusal = refusals.get(method);
			if (refusal != null) {
				refuse(exchange, method, refusal);
				return;
			}
			route(exchange, method, workspace, arguments);
		}
		catch (RuntimeException ex) {
			violations.add("the stand-in failed on a request: " + ex);
			answer(exchange, 500, null);
		}
	}

	private void route(HttpExchange exchange, String method, Workspace workspace, Map<String, String> arguments)
			throws IOException {
		switch (method) {
			case "auth.test" -> ok(exchange, method, object("url", "https://" + workspace.domain() + ".slack.com/",
					"team", workspace.teamName(), "user", "flowhub", "team_id", workspace.teamId(), "user_id",
					workspace.botUserId(), "bot_id", workspace.botId(), "is_enterprise_install", false));
			case "bots.info" -> {
				if (!workspace.botId().equals(arguments.get("bot"))) {
					refuse(exchange, method, "bot_not_found");
					return;
				}
				ObjectNode bot = object("id", workspace.botId(), "deleted", false, "name", "FlowHub", "updated",
						1_700_000_000, "app_id", workspace.appId(), "user_id", workspace.botUserId());
				bot.set("icons", object("image_36", "https://a.slack-edge.com/36.png", "image_48",
						"https://a.slack-edge.com/48.png", "image_72", "https://a.slack-edge.com/72.png"));
				ObjectNode answer = JSON.createObjectNode();
				answer.set("bot", bot);
				ok(exchange, method, answer);
			}
			case "chat.postMessage" -> post(exchange, workspace, arguments);
			case "chat.update" -> {
				String key = arguments.get("channel") + "/" + arguments.get("ts");
				ObjectNode message = messages.get(key);
				if (message == null || !inWorkspace(workspace, arguments.get("channel"))) {
					refuse(exchange, method, "message_not_found");
					return;
				}
				synchronized (message) {
					message.put("text", arguments.getOrDefault("text", ""));
					if (arguments.containsKey("blocks")) {
						message.set("blocks", JSON.readTree(arguments.get("blocks")));
					}
					message.put("updates", message.path("updates").asInt() + 1);
				}
				ObjectNode answer = object("channel", arguments.get("channel"), "ts", arguments.get("ts"), "text",
						arguments.getOrDefault("text", ""));
				answer.set("message", object("text", arguments.getOrDefault("text", "")));
				ok(exchange, method, answer);
			}
			case "chat.getPermalink" -> {
				String key = arguments.get("channel") + "/" + arguments.get("message_ts");
				if (!messages.containsKey(key) || !inWorkspace(workspace, arguments.get("channel"))) {
					refuse(exchange, method, "message_not_found");
					return;
				}
				ok(exchange, method, object("channel", arguments.get("channel"), "permalink", permalink(workspace,
						arguments.get("channel"), arguments.get("message_ts"))));
			}
			case "chat.postEphemeral" -> {
				Channel channel = channel(workspace, arguments.get("channel"));
				if (channel == null) {
					refuse(exchange, method, "channel_not_found");
					return;
				}
				ObjectNode user = users.get(arguments.get("user"));
				if (user == null || !user.path("team_id").asString().equals(workspace.teamId())) {
					refuse(exchange, method, "user_not_in_channel");
					return;
				}
				ephemerals.add(object("channel", channel.id(), "user", arguments.get("user"), "text",
						arguments.getOrDefault("text", "")));
				ok(exchange, method, object("message_ts", ts()));
			}
			case "views.open" -> {
				Instant until = triggers.remove(arguments.getOrDefault("trigger_id", ""));
				if (until == null) {
					refuse(exchange, method, "invalid_trigger_id");
					return;
				}
				if (Instant.now().isAfter(until)) {
					refuse(exchange, method, "expired_trigger_id");
					return;
				}
				ObjectNode view = (ObjectNode) JSON.readTree(arguments.get("view"));
				view.put("id", id("V", 10));
				view.put("team_id", workspace.teamId());
				view.put("hash", Instant.now().getEpochSecond() + "." + HexFormat.of().formatHex(bytes(4)));
				view.put("app_id", workspace.appId());
				view.put("bot_id", workspace.botId());
				view.set("state", object());
				views.add(view);
				ObjectNode answer = JSON.createObjectNode();
				answer.set("view", view);
				ok(exchange, method, answer);
			}
			case "users.info" -> {
				ObjectNode user = users.get(arguments.getOrDefault("user", ""));
				if (user == null || !user.path("team_id").asString().equals(workspace.teamId())) {
					refuse(exchange, method, "user_not_found");
					return;
				}
				ObjectNode answer = JSON.createObjectNode();
				answer.set("user", user.deepCopy());
				ok(exchange, method, answer);
			}
			default -> {
				violations.add("a method the stand-in does not serve: " + method);
				refuse(exchange, method, "unknown_method");
			}
		}
	}

	private void post(HttpExchange exchange, Workspace workspace, Map<String, String> arguments) throws IOException {
		Channel channel = channel(workspace, arguments.get("channel"));
		if (channel == null) {
			refuse(exchange, "chat.postMessage", "channel_not_found");
			return;
		}
		if (!channel.botIsMember()) {
			refuse(exchange, "chat.postMessage", "not_in_channel");
			return;
		}
		String ts = ts();
		ObjectNode message = object("type", "message", "text", arguments.getOrDefault("text", ""), "ts", ts, "user",
				workspace.botUserId(), "team", workspace.teamId());
		if (arguments.containsKey("blocks")) {
			message.set("blocks", JSON.readTree(arguments.get("blocks")));
		}
		String parent = arguments.get("thread_ts");
		if (parent != null) {
			if (!messages.containsKey(channel.id() + "/" + parent)) {
				refuse(exchange, "chat.postMessage", "thread_not_found");
				return;
			}
			message.put("thread_ts", parent);
			replies.computeIfAbsent(channel.id() + "/" + parent, k -> Collections.synchronizedList(new ArrayList<>()))
				.add(message.deepCopy());
		}
		else {
			ObjectNode stored = message.deepCopy();
			stored.put("channel", channel.id());
			stored.put("updates", 0);
			messages.put(channel.id() + "/" + ts, stored);
		}
		ObjectNode answer = object("channel", channel.id(), "ts", ts);
		answer.set("message", message);
		ok(exchange, "chat.postMessage", answer);
	}

	private Channel channel(Workspace workspace, String idOrName) {
		if (idOrName == null) {
			return null;
		}
		String name = idOrName.startsWith("#") ? idOrName.substring(1) : idOrName;
		return channels.values()
			.stream()
			.filter(c -> c.teamId().equals(workspace.teamId()) && (c.id().equals(idOrName) || c.name().equals(name)))
			.findFirst()
			.orElse(null);
	}

	private boolean inWorkspace(Workspace workspace, String channel) {
		Channel found = channels.get(String.valueOf(channel));
		return found != null && found.teamId().equals(workspace.teamId());
	}

	private ObjectNode user(Workspace workspace, String name, String realName, String email) {
		ObjectNode user = object("id", id("U", 10), "team_id", workspace.teamId(), "name", name, "real_name", realName,
				"deleted", false, "is_bot", false, "is_app_user", false, "updated", 1_700_000_000);
		ObjectNode profile = object("real_name", realName, "display_name", name, "real_name_normalized", realName,
				"display_name_normalized", name, "avatar_hash", "ge3b51ca72de", "title", "", "phone", "", "skype", "",
				"status_text", "", "status_emoji", "", "team", workspace.teamId());
		if (email != null) {
			profile.put("email", email);
		}
		user.set("profile", profile);
		return user;
	}

	private static String permalink(Workspace workspace, String channel, String ts) {
		return "https://" + workspace.domain() + ".slack.com/archives/" + channel + "/p" + ts.replace(".", "");
	}

	private String ts() {
		return Instant.now().getEpochSecond() + "." + String.format("%06d", sequence.incrementAndGet() % 1_000_000);
	}

	private void ok(HttpExchange exchange, String method, ObjectNode answer) throws IOException {
		ObjectNode body = JSON.createObjectNode();
		body.put("ok", true);
		body.setAll(answer);
		contract.validateAnswer(method, body).forEach(problem -> violations.add("stand-in: " + problem));
		answer(exchange, 200, body);
	}

	private void refuse(HttpExchange exchange, String method, String error) throws IOException {
		answer(exchange, 200, error(error));
	}

	private static ObjectNode error(String error) {
		return object("ok", false, "error", error);
	}

	private static Map<String, String> form(String text) {
		if (text == null || text.isBlank()) {
			return Map.of();
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			values.put(name, value);
		}
		return values;
	}

	private static ObjectNode object(Object... pairs) {
		ObjectNode node = JSON.createObjectNode();
		for (int i = 0; i < pairs.length; i += 2) {
			node.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
		}
		return node;
	}

	private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String id(String prefix, int length) {
		StringBuilder id = new StringBuilder(prefix);
		for (int i = 0; i < length; i++) {
			id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

	private static String digits(int length) {
		return RANDOM.ints(length, 0, 10).mapToObj(String::valueOf).collect(Collectors.joining());
	}

	private static byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}
}

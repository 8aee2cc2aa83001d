package com.whatsappflowhub.integrations.jira;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Jira Cloud site on localhost that keeps issues in memory and follows the v3 contract for what we use: every
 * request body is checked against Atlassian's OpenAPI document (and ADF for descriptions and comments), problems are
 * collected in {@link #violations}, and answers have Jira's shapes (201 {@code {id, key, self}}, 204 on update, 400
 * {@code {"errorMessages", "errors"}}, 401 without valid basic auth, 429/503 with {@code Retry-After} on demand). The
 * workflow: To Do (new) ⇄ In Progress (indeterminate) ⇄ Done (done), every transition available.
 */
final class LocalJira implements AutoCloseable {

	static final String EMAIL = "bot@acme.test";

	static final String TOKEN = "jira-api-token-for-tests";

	static final String ACCOUNT = "5b10a2844c20165700ede21g";

	/** OAuth 2.0 (3LO): the access token this site accepts, and the refresh token that gets it. */
	static final String FRESH_ACCESS_TOKEN = "fresh-oauth-access-token";

	static final String REFRESH_TOKEN = "oauth-refresh-token-1";

	final AtomicInteger refreshes = new AtomicInteger();

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final Map<String, String[]> STATUSES = Map.of("11", new String[] { "10000", "To Do", "new" }, "21",
			new String[] { "3", "In Progress", "indeterminate" }, "31", new String[] { "10001", "Done", "done" });

	private final HttpServer server;

	private final JiraContract contract = JiraContract.load();

	final List<String> violations = Collections.synchronizedList(new ArrayList<>());

	final List<String> requests = Collections.synchronizedList(new ArrayList<>());

	final Map<String, ObjectNode> issues = Collections.synchronizedMap(new LinkedHashMap<>());

	final Map<String, List<JsonNode>> comments = Collections.synchronizedMap(new LinkedHashMap<>());

	final Map<String, String> usersByEmail = Collections.synchronizedMap(new LinkedHashMap<>());

	private final AtomicInteger sequence = new AtomicInteger();

	private final AtomicInteger failing = new AtomicInteger();

	private volatile int failStatus = 503;

	private volatile String refuseCreate;

	LocalJira() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The next {@code count} requests are answered with {@code status} (and {@code Retry-After: 1} for 429/503). */
	void failNext(int count, int status) {
		failStatus = status;
		failing.set(count);
	}

	/** Creating issues is refused with this Jira error message (400) until cleared with null. */
	void refuseCreate(String message) {
		refuseCreate = message;
	}

	int created() {
		return sequence.get();
	}

	String statusCategory(String key) {
		return issues.get(key).path("fields").path("status").path("statusCategory").path("key").asString();
	}

	/** Changes an issue as a person in Jira would (what a webhook then reports). */
	void setStatus(String key, String transitionId) {
		String[] status = STATUSES.get(transitionId);
		ObjectNode fields = (ObjectNode) issues.get(key).path("fields");
		fields.set("status", status(status));
		fields.put("updated", OffsetDateTime.now(ZoneOffset.UTC).format(UPDATED));
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getRawQuery();
			byte[] raw;
			try (InputStream in = exchange.getRequestBody()) {
				raw = in.readAllBytes();
			}
			requests.add(method + " " + path + (query == null ? "" : "?" + query));
			if (method.equals("POST") && path.equals("/oauth/token")) {
				JsonNode grant = JSON.readTree(raw);
				if ("refresh_token".equals(grant.path("grant_type").asString()) && REFRESH_TOKEN.equals(grant.path("refresh_token").asString())
						&& !grant.path("client_id").asString("").isEmpty() && !grant.path("client_secret").asString("").isEmpty()) {
					refreshes.incrementAndGet();
					answer(exchange, 200, object("access_token", FRESH_ACCESS_TOKEN, "refresh_token", REFRESH_TOKEN,
							"expires_in", 3600, "token_type", "Bearer", "scope", "read:jira-work write:jira-work offline_access"));
				}
				else {
					answer(exchange, 403, object("error", "invalid_grant", "error_description", "Unknown or invalid refresh token."));
				}
				return;
			}
			String expected = "Basic " + Base64.getEncoder()
				.encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
			String given = exchange.getRequestHeaders().getFirst("Authorization");
			if (!expected.equals(given) && !("Bearer " + FRESH_ACCESS_TOKEN).equals(given)) {
				answer(exchange, 401, errors("Client must be authenticated to access this resource."));
				return;
			}
			if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				if (failStatus == 429 || failStatus == 503) {
					exchange.getResponseHeaders().add("Retry-After", "1");
				}
				answer(exchange, failStatus, failStatus >= 500 ? null : errors("Rate limit exceeded."));
				return;
			}
			JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
			route(exchange, method, path, query, body);
		}
		catch (RuntimeException ex) {
			violations.add("the stand-in failed on a request: " + ex);
			answer(exchange, 500, errors(String.valueOf(ex)));
		}
	}

	private void route(HttpExchange exchange, String method, String path, String query, JsonNode body)
			throws IOException {
		Matcher issue = Pattern.compile("/rest/api/3/issue/([A-Z0-9_]+-\\d+)(/transitions|/comment)?").matcher(path);
		if (method.equals("GET") && path.equals("/rest/api/3/myself")) {
			answer(exchange, 200, object("accountId", ACCOUNT, "displayName", "FlowHub bot", "emailAddress", EMAIL,
					"accountType", "atlassian", "active", true));
		}
		else if (method.equals("POST") && path.equals("/rest/api/3/issue")) {
			check(method, "/rest/api/3/issue", body);
			createIssue(exchange, body);
		}
		else if (method.equals("POST") && path.equals("/rest/api/3/search/jql")) {
			check(method, "/rest/api/3/search/jql", body);
			search(exchange, body);
		}
		else if (method.equals("GET") && path.equals("/rest/api/3/user/search")) {
			String email = URLDecoder.decode(query.replaceFirst(".*query=([^&]*).*", "$1"), StandardCharsets.UTF_8);
			ArrayNode users = JSON.createArrayNode();
			String account = usersByEmail.get(email);
			if (account != null) {
				users.add(object("accountId", account, "emailAddress", email, "displayName", email, "active", true));
			}
			answer(exchange, 200, users);
		}
		else if (issue.matches()) {
			String key = issue.group(1);
			String template = "/rest/api/3/issue/{issueIdOrKey}" + (issue.group(2) == null ? "" : issue.group(2));
			ObjectNode stored = issues.get(key);
			if (stored == null) {
				answer(exchange, 404, errors("Issue does not exist or you do not have permission to see it."));
				return;
			}
			if (body != null) {
				check(method, template, body);
			}
			if (issue.group(2) == null && method.equals("GET")) {
				answer(exchange, 200, stored);
			}
			else if (issue.group(2) == null && method.equals("PUT")) {
				ObjectNode fields = (ObjectNode) stored.path("fields");
				body.path("fields").properties().forEach(e -> fields.set(e.getKey(), e.getValue()));
				fields.put("updated", OffsetDateTime.now(ZoneOffset.UTC).format(UPDATED));
				answer(exchange, 204, null);
			}
			else if ("/transitions".equals(issue.group(2)) && method.equals("GET")) {
				ObjectNode answer = JSON.createObjectNode();
				ArrayNode transitions = answer.putArray("transitions");
				STATUSES.forEach((id, status) -> {
					ObjectNode transition = transitions.addObject();
					transition.put("id", id);
					transition.put("name", status[1]);
					transition.set("to", status(status));
					transition.put("isAvailable", true);
				});
				answer(exchange, 200, answer);
			}
			else if ("/transitions".equals(issue.group(2)) && method.equals("POST")) {
				String id = body.path("transition").path("id").asString("");
				if (!STATUSES.containsKey(id)) {
					answer(exchange, 400, errors("Transition id '" + id + "' is not valid for this issue."));
					return;
				}
				setStatus(key, id);
				answer(exchange, 204, null);
			}
			else if ("/comment".equals(issue.group(2)) && method.equals("POST")) {
				contract.validateAdf("comment body", body.path("body")).forEach(violations::add);
				comments.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(body.path("body"));
				answer(exchange, 201, object("id", String.valueOf(10_000 + comments.get(key).size()), "body", "ok"));
			}
			else {
				violations.add("unexpected " + method + " " + path);
				answer(exchange, 405, errors("Method not allowed"));
			}
		}
		else {
			violations.add("unexpected " + method + " " + path);
			answer(exchange, 404, errors("No such resource"));
		}
	}

	private void createIssue(HttpExchange exchange, JsonNode body) throws IOException {
		JsonNode fields = body.path("fields");
		List<String> missing = new ArrayList<>();
		for (String required : List.of("project", "summary", "issuetype")) {
			if (fields.path(required).isMissingNode()) {
				missing.add(required);
			}
		}
		if (!missing.isEmpty()) {
			violations.add("create without " + missing);
		}
		if (fields.has("description")) {
			contract.validateAdf("issue description", fields.path("description")).forEach(violations::add);
		}
		if (fields.has("duedate") && !fields.path("duedate").asString("").matches("\\d{4}-\\d{2}-\\d{2}")) {
			violations.add("duedate is not yyyy-MM-dd: " + fields.path("duedate"));
		}
		fields.path("labels").forEach(label -> {
			if (label.asString().contains(" ")) {
				violations.add("a label with a space: " + label);
			}
		});
		if (refuseCreate != null) {
			ObjectNode error = errors(refuseCreate);
			error.putObject("errors").put("priority", refuseCreate);
			answer(exchange, 400, error);
			return;
		}
		int number = sequence.incrementAndGet();
		String key = fields.path("project").path("key").asString() + "-" + number;
		ObjectNode issue = JSON.createObjectNode();
		issue.put("id", String.valueOf(10_000 + number));
		issue.put("key", key);
		issue.put("self", baseUrl() + "/rest/api/3/issue/" + (10_000 + number));
		ObjectNode stored = ((ObjectNode) fields).deepCopy();
		stored.set("status", status(STATUSES.get("11")));
		stored.put("updated", OffsetDateTime.now(ZoneOffset.UTC).format(UPDATED));
		issue.set("fields", stored);
		issues.put(key, issue);
		answer(exchange, 201, object("id", issue.path("id").asString(), "key", key, "self", issue.path("self").asString()));
	}

	private void search(HttpExchange exchange, JsonNode body) throws IOException {
		String jql = body.path("jql").asString("");
		Matcher label = Pattern.compile("labels = \"([^\"]+)\"").matcher(jql);
		String wanted = label.find() ? label.group(1) : null;
		ObjectNode answer = JSON.createObjectNode();
		ArrayNode found = answer.putArray("issues");
		synchronized (issues) {
			for (ObjectNode issue : issues.values()) {
				boolean matches = wanted == null;
				for (JsonNode l : issue.path("fields").path("labels")) {
					matches |= l.asString().equals(wanted);
				}
				if (matches) {
					found.add(issue.deepCopy());
				}
			}
		}
		answer.put("isLast", true);
		answer(exchange, 200, answer);
	}

	private void check(String method, String template, JsonNode body) {
		contract.validateRequest(method, template, body).forEach(violations::add);
	}

	private static ObjectNode status(String[] status) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", status[0]);
		node.put("name", status[1]);
		ObjectNode category = node.putObject("statusCategory");
		category.put("key", status[2]);
		category.put("name", status[1]);
		return node;
	}

	private static ObjectNode errors(String message) {
		ObjectNode error = JSON.createObjectNode();
		error.putArray("errorMessages").add(message);
		error.putObject("errors");
		return error;
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
		exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}
}

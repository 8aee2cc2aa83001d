package com.whatsappflowhub.integrations.jira;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.integrations.Connection;
import com.whatsappflowhub.integrations.ConnectionManagement;
import com.whatsappflowhub.integrations.Connector;
import com.whatsappflowhub.integrations.ConnectorFailure;
import com.whatsappflowhub.integrations.InvalidConnection;
import com.whatsappflowhub.integrations.OutboundTargets;
import com.whatsappflowhub.integrations.Remote;
import com.whatsappflowhub.integrations.RemoteChange;
import com.whatsappflowhub.integrations.SyncTask;
import com.whatsappflowhub.integrations.VendorHttp;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira Cloud through REST API v3. Config {@code baseUrl} (the site, e.g. {@code https://acme.atlassian.net}, or
 * {@code https://api.atlassian.com/ex/jira/<cloudId>} with OAuth), {@code projectKey}, {@code issueType} (Task),
 * {@code priorityMap} (our priority → Jira's priority name), {@code statusMap} (our status → a Jira status name, when
 * the category is not enough); credentials {@code email} + {@code apiToken} (basic auth) or an OAuth 2.0 (3LO)
 * {@code accessToken} with {@code refreshToken}, {@code clientId}, {@code clientSecret} (refreshed on 401), and the
 * {@code webhookSecret} the admin gives Jira's webhook. Every issue carries the labels {@code flowhub} and
 * {@code flowhub-<task id>}: the second finds an issue whose creation answer was lost, the first scopes
 * reconciliation.
 */
@Component
class JiraConnector implements Connector {

	static final String TYPE = "jira";

	static final String LABEL = "flowhub";

	private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");

	private static final Map<Priority, String> PRIORITIES = Map.of(Priority.URGENT, "Highest", Priority.HIGH, "High",
			Priority.MEDIUM, "Medium", Priority.LOW, "Low");

	private static final String TOKEN_URL = "https://auth.atlassian.com/oauth/token";

	private final VendorHttp http;

	private final JsonMapper json;

	private final Adf adf;

	private final Directory directory;

	private final ObjectProvider<ConnectionManagement> management;

	private final OutboundTargets targets;

	JiraConnector(VendorHttp http, JsonMapper json, Directory directory,
			ObjectProvider<ConnectionManagement> management, OutboundTargets targets) {
		this.targets = targets;
		this.http = http;
		this.json = json;
		this.adf = new Adf(json);
		this.directory = directory;
		this.management = management;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public void validate(ObjectNode config, ObjectNode credentials) {
		String baseUrl = config.path("baseUrl").asString("");
		try {
			URI uri = URI.create(baseUrl);
			if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
					|| uri.getHost() == null) {
				throw new IllegalArgumentException();
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConnection("config.baseUrl", "must be the Jira site's URL, e.g. https://acme.atlassian.net");
		}
		String refusal = targets.refusal(baseUrl);
		if (refusal != null) {
			throw new InvalidConnection("config.baseUrl", refusal);
		}
		config.put("baseUrl", baseUrl.replaceAll("/+$", ""));
		if (!PROJECT_KEY.matcher(config.path("projectKey").asString("")).matches()) {
			throw new InvalidConnection("config.projectKey", "must be a Jira project key such as OPS");
		}
		if (config.path("issueType").asString("").isBlank()) {
			config.put("issueType", "Task");
		}
		JsonNode priorityMap = config.path("priorityMap");
		if (!priorityMap.isMissingNode() && !priorityMap.isNull()) {
			if (!priorityMap.isObject()) {
				throw new InvalidConnection("config.priorityMap", "must map low, medium, high, urgent to Jira priority names");
			}
			for (Map.Entry<String, JsonNode> entry : priorityMap.properties()) {
				try {
					Priority.of(entry.getKey());
				}
				catch (RuntimeException notAPriority) {
					throw new InvalidConnection("config.priorityMap",
							"has " + entry.getKey() + ", which is no priority (low, medium, high, urgent)");
				}
				if (!entry.getValue().isString() || entry.getValue().asString().isBlank()) {
					throw new InvalidConnection("config.priorityMap." + entry.getKey(), "must be a Jira priority name");
				}
			}
		}
		JsonNode statusMap = config.path("statusMap");
		if (!statusMap.isMissingNode() && !statusMap.isNull()) {
			if (!statusMap.isObject()) {
				throw new InvalidConnection("config.statusMap", "must map our statuses to Jira status names");
			}
			for (Map.Entry<String, JsonNode> entry : statusMap.properties()) {
				try {
					TaskStatus.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidConnection("config.statusMap", "has " + entry.getKey() + ", which is no task status");
				}
			}
		}
		boolean basic = !credentials.path("email").asString("").isBlank()
				&& !credentials.path("apiToken").asString("").isBlank();
		boolean oauth = !credentials.path("accessToken").asString("").isBlank();
		if (!basic && !oauth) {
			throw new InvalidConnection("credentials",
					"need email and apiToken (a Jira API token), or an OAuth 2.0 accessToken");
		}
		String secret = credentials.path("webhookSecret").asString("");
		if (!secret.isEmpty() && secret.length() < 16) {
			throw new InvalidConnection("credentials.webhookSecret", "must be at least 16 characters");
		}
	}

	@Override
	public ObjectNode test(Connection connection) {
		VendorHttp.Answer answer = call(connection, "GET", "/rest/api/3/myself", null);
		if (!answer.ok()) {
			throw failure(answer);
		}
		ObjectNode self = json.createObjectNode();
		self.put("accountId", answer.body().path("accountId").asString(""));
		self.put("displayName", answer.body().path("displayName").asString(""));
		self.put("site", URI.create(connection.config("baseUrl")).getHost());
		return self;
	}

	@Override
	public Remote create(Connection connection, SyncTask task) {
		ObjectNode body = json.createObjectNode();
		ObjectNode fields = body.putObject("fields");
		fields.putObject("project").put("key", connection.config("projectKey"));
		fields.putObject("issuetype").put("name", connection.config("issueType"));
		fields.put("summary", summary(task.task().title()));
		fields.set("description", adf.description(task));
		fields.putObject("priority").put("name", priority(connection, task.task().priority()));
		if (task.task().deadline() != null) {
			fields.put("duedate", task.task().deadline().at().atZone(task.zone()).toLocalDate().toString());
		}
		ArrayNode labels = fields.putArray("labels");
		labels(task.task()).forEach(labels::add);
		String accountId = accountId(connection, task);
		if (accountId != null) {
			fields.putObject("assignee").put("accountId", accountId);
		}
		VendorHttp.Answer answer = call(connection, "POST", "/rest/api/3/issue", body);
		if (!answer.ok()) {
			throw failure(answer);
		}
		String key = answer.body().path("key").asString("");
		if (key.isEmpty()) {
			throw ConnectorFailure.temporary("Jira created an issue but did not say its key", answer.status(), null);
		}
		Remote remote = new Remote(key, browse(connection, key));
		transition(connection, remote, task.task().status());
		return remote;
	}

	@Override
	public void update(Connection connection, SyncTask task, Remote remote) {
		ObjectNode body = json.createObjectNode();
		ObjectNode fields = body.putObject("fields");
		fields.put("summary", summary(task.task().title()));
		fields.putObject("priority").put("name", priority(connection, task.task().priority()));
		if (task.task().deadline() != null) {
			fields.put("duedate", task.task().deadline().at().atZone(task.zone()).toLocalDate().toString());
		}
		ArrayNode labels = fields.putArray("labels");
		labels(task.task()).forEach(labels::add);
		if (task.assignee() == null) {
			fields.putNull("assignee");
		}
		else {
			String accountId = accountId(connection, task);
			if (accountId != null) {
				fields.putObject("assignee").put("accountId", accountId);
			}
		}
		VendorHttp.Answer answer = call(connection, "PUT", "/rest/api/3/issue/" + encode(remote.key()), body);
		if (!answer.ok()) {
			throw failure(answer);
		}
		transition(connection, remote, task.task().status());
	}

	@Override
	public void comment(Connection connection, SyncTask task, Remote remote, String author, String body) {
		String name = author;
		try {
			name = directory.member(new com.whatsappflowhub.identity.UserId(java.util.UUID.fromString(author)))
				.map(m -> m.name())
				.orElse(author);
		}
		catch (IllegalArgumentException notAUser) {
			// "api" or a tool's user
		}
		ObjectNode request = json.createObjectNode();
		request.set("body", adf.comment(name, body));
		VendorHttp.Answer answer = call(connection, "POST",
				"/rest/api/3/issue/" + encode(remote.key()) + "/comment", request);
		if (!answer.ok()) {
			throw failure(answer);
		}
	}

	@Override
	public Optional<Remote> find(Connection connection, SyncTask task) {
		ObjectNode search = json.createObjectNode();
		search.put("jql", "labels = \"" + taskLabel(task.task()) + "\"");
		search.putArray("fields").add("status");
		search.put("maxResults", 1);
		VendorHttp.Answer answer = call(connection, "POST", "/rest/api/3/search/jql", search);
		if (!answer.ok()) {
			throw failure(answer);
		}
		JsonNode first = answer.body().path("issues").path(0);
		String key = first.path("key").asString("");
		return key.isEmpty() ? Optional.empty() : Optional.of(new Remote(key, browse(connection, key)));
	}

	/** Issues of our label updated since {@code since} (a JQL date-time in the site's zone), for reconciliation. */
	List<JsonNode> updatedSince(Connection connection, String since) {
		List<JsonNode> issues = new ArrayList<>();
		String token = null;
		do {
			ObjectNode search = json.createObjectNode();
			search.put("jql", "project = \"" + connection.config("projectKey") + "\" AND labels = \"" + LABEL
					+ "\" AND updated >= \"" + since + "\" ORDER BY updated ASC");
			ArrayNode fields = search.putArray("fields");
			List.of("status", "assignee", "priority", "duedate", "summary", "updated").forEach(fields::add);
			search.put("maxResults", 100);
			if (token != null) {
				search.put("nextPageToken", token);
			}
			VendorHttp.Answer answer = call(connection, "POST", "/rest/api/3/search/jql", search);
			if (!answer.ok()) {
				throw failure(answer);
			}
			answer.body().path("issues").forEach(issues::add);
			token = answer.body().path("isLast").asBoolean(true) ? null
					: answer.body().path("nextPageToken").asString(null);
		}
		while (token != null && issues.size() < 5_000);
		return issues;
	}

	/** What an issue's fields say, as a change to apply (reconciliation: every field, not a changelog). */
	RemoteChange state(Connection connection, JsonNode issue, String who) {
		JsonNode fields = issue.path("fields");
		JsonNode assignee = fields.path("assignee");
		String due = fields.path("duedate").asString("");
		return new RemoteChange(who, category(fields.path("status")), true,
				assignee.isObject() ? assignee.path("accountId").asString(null) : null,
				assignee.isObject() ? assignee.path("emailAddress").asString(null) : null,
				ourPriority(connection, fields.path("priority").path("name").asString("")),
				due.isEmpty() ? null : LocalDate.parse(due.substring(0, 10)),
				fields.path("summary").asString(null));
	}

	static RemoteChange.@Nullable Category category(JsonNode status) {
		return switch (status.path("statusCategory").path("key").asString("")) {
			case "new" -> RemoteChange.Category.TODO;
			case "indeterminate" -> RemoteChange.Category.IN_PROGRESS;
			case "done" -> RemoteChange.Category.DONE;
			default -> null;
		};
	}

	@Nullable Priority ourPriority(Connection connection, String jiraName) {
		if (jiraName.isBlank()) {
			return null;
		}
		for (Priority priority : Priority.values()) {
			if (priority(connection, priority).equalsIgnoreCase(jiraName)) {
				return priority;
			}
		}
		return switch (jiraName.toLowerCase(Locale.ROOT)) {
			case "lowest" -> Priority.LOW;
			case "blocker", "critical" -> Priority.URGENT;
			default -> null;
		};
	}

	private void transition(Connection connection, Remote remote, TaskStatus status) {
		String wantedName = connection.config().path("statusMap").path(status.name()).asString("");
		String wantedCategory = switch (status) {
			case OPEN -> "new";
			case IN_PROGRESS, BLOCKED -> "indeterminate";
			case DONE, CANCELLED -> "done";
		};
		String path = "/rest/api/3/issue/" + encode(remote.key());
		VendorHttp.Answer issue = call(connection, "GET", path + "?fields=status", null);
		if (!issue.ok()) {
			throw failure(issue);
		}
		JsonNode current = issue.body().path("fields").path("status");
		if (wantedName.isEmpty() ? wantedCategory.equals(current.path("statusCategory").path("key").asString(""))
				: wantedName.equalsIgnoreCase(current.path("name").asString(""))) {
			return;
		}
		VendorHttp.Answer transitions = call(connection, "GET", path + "/transitions", null);
		if (!transitions.ok()) {
			throw failure(transitions);
		}
		for (JsonNode transition : transitions.body().path("transitions")) {
			JsonNode to = transition.path("to");
			boolean matches = wantedName.isEmpty()
					? wantedCategory.equals(to.path("statusCategory").path("key").asString(""))
					: wantedName.equalsIgnoreCase(to.path("name").asString(""));
			if (matches) {
				ObjectNode body = json.createObjectNode();
				body.putObject("transition").put("id", transition.path("id").asString());
				VendorHttp.Answer done = call(connection, "POST", path + "/transitions", body);
				if (!done.ok()) {
					throw failure(done);
				}
				return;
			}
		}
		// the workflow offers no way there from here: the issue keeps its status, the fields are in sync
	}

	private @Nullable String accountId(Connection connection, SyncTask task) {
		SyncTask.Assignee assignee = task.assignee();
		if (assignee == null) {
			return null;
		}
		if (assignee.remoteId() != null) {
			return assignee.remoteId();
		}
		if (assignee.email() == null || assignee.email().isBlank()) {
			return null;
		}
		VendorHttp.Answer answer = call(connection, "GET",
				"/rest/api/3/user/search?query=" + encode(assignee.email()), null);
		if (!answer.ok()) {
			return null; // assigning is a nicety: the issue is made without it
		}
		for (JsonNode user : answer.body()) {
			String email = user.path("emailAddress").asString("");
			String accountId = user.path("accountId").asString("");
			if (!accountId.isEmpty() && (email.isEmpty() || email.equalsIgnoreCase(assignee.email()))) {
				directory.identify(assignee.id(), TYPE, accountId);
				return accountId;
			}
		}
		return null;
	}

	VendorHttp.Answer call(Connection connection, String method, String path, @Nullable Object body) {
		targets.require(connection.config("baseUrl")); // again before each call: a name may resolve elsewhere by now
		URI uri = URI.create(connection.config("baseUrl") + path);
		VendorHttp.Answer answer = http.call(method, uri, Map.of("Authorization", authorization(connection)), body, null);
		if (answer.status() == 401 && !connection.credential("refreshToken").isBlank()) {
			Connection refreshed = refresh(connection);
			answer = http.call(method, uri, Map.of("Authorization", authorization(refreshed)), body, null);
		}
		return answer;
	}

	private Connection refresh(Connection connection) {
		ObjectNode request = json.createObjectNode();
		request.put("grant_type", "refresh_token");
		request.put("client_id", connection.credential("clientId"));
		request.put("client_secret", connection.credential("clientSecret"));
		request.put("refresh_token", connection.credential("refreshToken"));
		String tokenUrl = connection.credential("tokenUrl").isBlank() ? TOKEN_URL : connection.credential("tokenUrl");
		VendorHttp.Answer answer = http.call("POST", URI.create(tokenUrl), Map.of(), request, null);
		if (!answer.ok() || answer.body().path("access_token").asString("").isEmpty()) {
			throw ConnectorFailure.permanent("Jira's OAuth refresh was refused (" + answer.status()
					+ "): the connection needs new credentials", 401);
		}
		ObjectNode credentials = connection.credentials().deepCopy();
		credentials.put("accessToken", answer.body().path("access_token").asString());
		if (!answer.body().path("refresh_token").asString("").isEmpty()) {
			credentials.put("refreshToken", answer.body().path("refresh_token").asString()); // rotating refresh tokens
		}
		management.getObject().refreshed(connection.id(), credentials);
		return new Connection(connection.id(), connection.tenantId(), connection.type(), connection.name(),
				connection.config(), credentials, connection.remoteSelf(), connection.enabled(),
				connection.reconciledAt());
	}

	private static String authorization(Connection connection) {
		String accessToken = connection.credential("accessToken");
		if (!accessToken.isBlank()) {
			return "Bearer " + accessToken;
		}
		String pair = connection.credential("email") + ":" + connection.credential("apiToken");
		return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	/** Jira's error document: {@code errorMessages} and {@code errors} by field. */
	static ConnectorFailure failure(VendorHttp.Answer answer) {
		List<String> messages = new ArrayList<>();
		answer.body().path("errorMessages").forEach(m -> messages.add(m.asString()));
		answer.body().path("errors").properties().forEach(e -> messages.add(e.getKey() + ": " + e.getValue().asString()));
		String message = messages.isEmpty() ? "Jira answered " + answer.status()
				: "Jira: " + String.join("; ", messages);
		if (answer.status() == 401) {
			return ConnectorFailure.permanent("401 Jira refused the credentials", 401);
		}
		return VendorHttp.failure(answer, message);
	}

	String priority(Connection connection, Priority priority) {
		String mapped = connection.config().path("priorityMap").path(priority.code()).asString("");
		return mapped.isBlank() ? PRIORITIES.get(priority) : mapped;
	}

	static List<String> labels(TaskView task) {
		Map<String, Boolean> labels = new LinkedHashMap<>();
		labels.put(LABEL, true);
		labels.put(taskLabel(task), true);
		for (String label : task.labels()) {
			String clean = label.trim().replaceAll("\\s+", "-");
			if (!clean.isEmpty() && clean.length() <= 255) {
				labels.put(clean, true);
			}
		}
		return List.copyOf(labels.keySet());
	}

	static String taskLabel(TaskView task) {
		return LABEL + "-" + task.id();
	}

	private static String summary(String title) {
		String oneLine = title.replaceAll("\\s+", " ").trim();
		return oneLine.length() > 255 ? oneLine.substring(0, 254) + "…" : oneLine;
	}

	private static String browse(Connection connection, String key) {
		String base = connection.config("baseUrl");
		String site = base.contains("api.atlassian.com") ? connection.config("siteUrl") : base;
		return (site.isBlank() ? base : site) + "/browse/" + key;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}

package com.whatsappflowhub.integrations.slack;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.whatsappflowhub.integrations.IntegrationContracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's published Web API document ({@code slack_web_openapi_v2.json}, Swagger 2.0, 2020) as a check of the calls
 * we make: the method exists, its required arguments are there, no argument it does not know, booleans and integers
 * as the document types them, the content type one it consumes, and a bearer token. The document has quirks that
 * real clients (and Slack) ignore, and so does this check, on purpose: every method takes its arguments in the query
 * or in a form body alike, whichever the document says ({@code views.open} is a {@code GET} with query parameters
 * there; Slack's documentation and SDKs POST it), and the {@code token} parameter (a header or query parameter in
 * the document) is satisfied by {@code Authorization: Bearer}. Block Kit is a plain string there, so {@code blocks}
 * and {@code view} are checked by {@link BlockKit}. Our stand-in's own answers are checked against the methods'
 * success schemas, so that what the connector reads has Slack's shapes.
 */
final class SlackContract {

	private static final String DOCUMENT = "https://contracts.flowhub.local/slack/web-api.json";

	private static final JsonMapper JSON = JsonMapper.shared();

	private static SlackContract loaded;

	private final JsonNode spec;

	private final SchemaRegistry registry;

	private SlackContract(JsonNode spec, SchemaRegistry registry) {
		this.spec = spec;
		this.registry = registry;
	}

	static synchronized SlackContract load() {
		if (loaded == null) {
			try {
				String document = Files.readString(IntegrationContracts.vendor("slack").resolve("slack_web_openapi_v2.json"));
				SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getDraft4(),
						builder -> builder.schemas(Map.of(DOCUMENT, document)));
				loaded = new SlackContract(JSON.readTree(document), registry);
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return loaded;
	}

	/** The document's operation for a method (whatever HTTP method it names), or a missing node. */
	private Map.Entry<String, JsonNode> operation(String method) {
		JsonNode path = spec.path("paths").path("/" + method);
		Iterator<Map.Entry<String, JsonNode>> operations = path.properties().iterator();
		return operations.hasNext() ? operations.next() : Map.entry("", JSON.missingNode());
	}

	boolean has(String method) {
		return !operation(method).getValue().isMissingNode();
	}

	/** What is wrong with a call of {@code method} with these arguments, content type and Authorization header. */
	List<String> validateCall(String method, Map<String, String> arguments, String contentType, String authorization) {
		Map.Entry<String, JsonNode> found = operation(method);
		JsonNode operation = found.getValue();
		List<String> problems = new ArrayList<>();
		if (operation.isMissingNode()) {
			problems.add(method + " is not a method of Slack's Web API");
			return problems;
		}
		boolean form = false;
		for (JsonNode consumes : operation.path("consumes")) {
			form |= consumes.asString().equals("application/x-www-form-urlencoded");
		}
		if (!form || !contentType.startsWith("application/x-www-form-urlencoded")) {
			problems.add(method + ": content type " + contentType + " (the document has it consume "
					+ operation.path("consumes") + ")");
		}
		if (!authorization.matches("Bearer xox[bp]-[A-Za-z0-9-]+")) {
			problems.add(method + ": no bot token as Authorization: Bearer (the document's required token)");
		}
		Map<String, JsonNode> parameters = new java.util.LinkedHashMap<>();
		for (JsonNode parameter : operation.path("parameters")) {
			parameters.put(parameter.path("name").asString(), parameter);
		}
		for (JsonNode parameter : parameters.values()) {
			String name = parameter.path("name").asString();
			if (name.equals("token")) {
				continue;
			}
			String value = arguments.get(name);
			if (value == null) {
				if (parameter.path("required").asBoolean(false)) {
					problems.add(method + ": required argument " + name + " is missing");
				}
				continue;
			}
			switch (parameter.path("type").asString("string")) {
				case "boolean" -> {
					if (!value.matches("true|false|1|0")) {
						problems.add(method + ": " + name + " must be a boolean, is " + value);
					}
				}
				case "integer" -> {
					if (!value.matches("-?\\d+")) {
						problems.add(method + ": " + name + " must be an integer, is " + value);
					}
				}
				case "number" -> {
					if (!value.matches("-?\\d+(\\.\\d+)?")) {
						problems.add(method + ": " + name + " must be a number, is " + value);
					}
				}
				default -> {
					if (value.isEmpty() && parameter.path("required").asBoolean(false)) {
						problems.add(method + ": required argument " + name + " is empty");
					}
				}
			}
		}
		for (String name : arguments.keySet()) {
			if (!parameters.containsKey(name)) {
				problems.add(method + ": " + name + " is not an argument of " + method);
			}
		}
		if (arguments.containsKey("blocks")) {
			problems.addAll(BlockKit.message(method + " blocks", arguments.get("blocks")));
		}
		if (arguments.containsKey("view")) {
			problems.addAll(BlockKit.modal(method + " view", arguments.get("view")));
		}
		if ((method.equals("chat.postMessage") || method.equals("chat.update") || method.equals("chat.postEphemeral"))
				&& arguments.getOrDefault("text", "").isBlank() && !arguments.containsKey("blocks")
				&& !arguments.containsKey("attachments")) {
			problems.add(method + ": one of text, blocks, attachments is required");
		}
		return problems;
	}

	/** What is wrong with a successful answer of {@code method}, by its 200 schema. */
	List<String> validateAnswer(String method, JsonNode answer) {
		Map.Entry<String, JsonNode> found = operation(method);
		if (found.getValue().isMissingNode()) {
			return List.of(method + " is not a method of Slack's Web API");
		}
		String pointer = "#/paths/" + ("/" + method).replace("~", "~0").replace("/", "~1") + "/" + found.getKey()
				+ "/responses/200/schema";
		Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + pointer));
		List<String> problems = new ArrayList<>();
		for (Error error : schema.validate(answer)) {
			problems.add("the answer of " + method + ": " + error);
		}
		return problems;
	}
}

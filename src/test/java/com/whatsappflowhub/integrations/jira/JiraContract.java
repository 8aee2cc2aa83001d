package com.whatsappflowhub.integrations.jira;

import java.nio.file.Files;
import java.util.ArrayList;
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
 * Atlassian's published Jira Cloud REST v3 OpenAPI document ({@code swagger-v3.v3.json}) and the ADF JSON Schema
 * ({@code adf-full.v1.schema.json}) as validators of what we send: each request body against its operation's
 * request schema, and ADF documents (an issue's {@code description}, a comment's {@code body}) against ADF, because
 * the OpenAPI document leaves {@code fields} open ({@code additionalProperties: {}}).
 */
final class JiraContract {

	private static final String DOCUMENT = "https://contracts.flowhub.local/jira/swagger-v3.json";

	private static final String ADF = "https://contracts.flowhub.local/jira/adf.json";

	private static final JsonMapper JSON = JsonMapper.shared();

	private static JiraContract loaded;

	private final JsonNode spec;

	private final SchemaRegistry registry;

	private final Schema adf;

	private JiraContract(JsonNode spec, SchemaRegistry registry, Schema adf) {
		this.spec = spec;
		this.registry = registry;
		this.adf = adf;
	}

	static synchronized JiraContract load() {
		if (loaded == null) {
			try {
				String swagger = Files.readString(IntegrationContracts.vendor("jira").resolve("swagger-v3.v3.json"));
				String adfSchema = Files
					.readString(IntegrationContracts.vendor("jira").resolve("adf/adf-full.v1.schema.json"));
				SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(),
						builder -> builder.schemas(Map.of(DOCUMENT, swagger)));
				SchemaRegistry adfRegistry = SchemaRegistry.withDialect(Dialects.getDraft4(),
						builder -> builder.schemas(Map.of(ADF, adfSchema)));
				loaded = new JiraContract(JSON.readTree(swagger), registry,
						adfRegistry.getSchema(SchemaLocation.of(ADF)));
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return loaded;
	}

	/** Whether the document has this operation ({@code /rest/api/3/issue/{issueIdOrKey}} style path). */
	boolean has(String method, String path) {
		return spec.path("paths").path(path).has(method.toLowerCase());
	}

	/** What is wrong with a request body for an operation, by the operation's JSON request schema. */
	List<String> validateRequest(String method, String path, JsonNode body) {
		JsonNode operation = spec.path("paths").path(path).path(method.toLowerCase());
		if (operation.isMissingNode()) {
			return List.of(method + " " + path + " is not an operation of Jira's API");
		}
		JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
		List<String> problems = new ArrayList<>();
		if (!schema.isMissingNode()) {
			String pointer = "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase()
					+ "/requestBody/content/application~1json/schema";
			Schema compiled = registry.getSchema(SchemaLocation.of(DOCUMENT + pointer));
			for (Error error : compiled.validate(body)) {
				problems.add(method + " " + path + ": " + error);
			}
		}
		return problems;
	}

	List<String> validateAdf(String where, JsonNode document) {
		List<String> problems = new ArrayList<>();
		for (Error error : adf.validate(document)) {
			problems.add(where + " (ADF): " + error);
		}
		return problems;
	}

	/** The operation's declared success statuses, e.g. 201 for creating an issue. */
	List<String> responses(String method, String path) {
		List<String> statuses = new ArrayList<>();
		spec.path("paths").path(path).path(method.toLowerCase()).path("responses").propertyNames().forEach(statuses::add);
		return statuses;
	}
}

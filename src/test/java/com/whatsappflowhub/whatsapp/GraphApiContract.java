package com.whatsappflowhub.whatsapp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;


/**
 * Meta's official OpenAPI 3.1 contract of the Cloud API ({@code business-messaging-api_v23.0.yaml}) as a validator
 * of what our client sends: request bodies against the JSON schemas of the messages endpoint (OpenAPI 3.1 dialect),
 * headers against the parameters' patterns.
 *
 * <p>Three defects of the contract are corrected before validating, each narrowly, so that the rules stay the spec's:
 * <ol>
 * <li>{@code additionalProperties: false} inside one branch of an {@code allOf} forbids the properties of the other
 * branch (so no {@code TextMessage}, not even the spec's own examples, could ever be valid); it becomes
 * {@code unevaluatedProperties: false} on the combined schema, which is what the authors meant.</li>
 * <li>The template button {@code index} pattern {@code ^[2-6, 11-14]$} is a broken character class that refuses
 * {@code "0"}, which the spec's own description ("0-9") and examples use; it becomes {@code ^[0-9]$}.</li>
 * <li>Polymorphism by {@code discriminator} on a parent that has no {@code oneOf} ({@code TemplateComponent},
 * {@code ParameterObject}, {@code ButtonParameterObject}) is invisible to JSON Schema; it becomes {@code if/then}
 * branches to the mapped schemas, so a button component is checked as a {@code ButtonComponent}.</li>
 * </ol>
 */
public final class GraphApiContract {

	private static final String DOCUMENT = "https://contracts.flowhub.local/whatsapp/business-messaging-api.json";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JsonNode spec;

	private final Schema message;

	private final Schema markAsRead;

	private final Schema mediaUrl;

	private final Schema templateList;

	private GraphApiContract(JsonNode spec, SchemaRegistry registry) {
		this.spec = spec;
		this.message = registry.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/Message"));
		this.markAsRead = registry
			.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/MarkMessageRequestPayload"));
		this.mediaUrl = registry.getSchema(SchemaLocation.of(DOCUMENT
				+ "#/paths/~1{Version}~1{Media-ID}/get/responses/200/content/application~1json/schema"));
		this.templateList = registry.getSchema(SchemaLocation.of(DOCUMENT
				+ "#/paths/~1{Version}~1{WABA-ID}~1message_templates/get/responses/200/content/application~1json/schema"));
	}

	public static GraphApiContract load() {
		Path yaml = Contracts.whatsapp().resolve("business-messaging-api_v23.0.yaml");
		ObjectNode spec = (ObjectNode) YAMLMapper.builder().build().readTree(yaml.toFile());
		ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
		correctAllOfAdditionalProperties(schemas);
		correctButtonIndexPattern(schemas);
		expandDiscriminators(schemas);
		String document = JSON.writeValueAsString(spec);
		SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
				builder -> builder.schemas(Map.of(DOCUMENT, document)));
		return new GraphApiContract(spec, registry);
	}

	public List<Error> validateMessage(JsonNode body) {
		return message.validate(body);
	}

	List<Error> validateMarkAsRead(JsonNode body) {
		return markAsRead.validate(body);
	}

	/**
	 * An answer of {@code GET /{Version}/{WABA-ID}/message_templates} against the contract's response schema; the
	 * schema leaves every field optional, so the fields we read ({@code name}, {@code language}, {@code status},
	 * {@code category}, {@code components}) are required here too.
	 */
	public List<String> validateTemplateList(JsonNode body) {
		List<String> problems = new ArrayList<>(templateList.validate(body).stream().map(Error::toString).toList());
		if (!body.path("data").isArray()) {
			problems.add("data is not an array");
		}
		for (JsonNode item : body.path("data")) {
			for (String field : List.of("name", "language", "status", "category")) {
				if (!item.path(field).isString()) {
					problems.add(field + " missing in " + item);
				}
			}
			if (!item.path("components").isArray()) {
				problems.add("components missing in " + item);
			}
		}
		return problems;
	}

	/** The contract's own example answer of the template listing. */
	public JsonNode templateListExample() {
		return spec.path("paths").path("/{Version}/{WABA-ID}/message_templates").path("get").path("responses")
			.path("200").path("content").path("application/json").path("examples").path("Example response")
			.path("value");
	}

	List<Error> validateMediaUrlAnswer(JsonNode body) {
		return mediaUrl.validate(body);
	}

	/** The request examples of {@code POST /{Version}/{Phone-Number-ID}/messages}, by name. */
	Map<String, JsonNode> messageExamples() {
		JsonNode examples = spec.path("paths")
			.path("/{Version}/{Phone-Number-ID}/messages")
			.path("post")
			.path("requestBody")
			.path("content")
			.path("application/json")
			.path("examples");
		Map<String, JsonNode> result = new java.util.TreeMap<>();
		examples.properties().forEach(e -> result.put(e.getKey(), e.getValue().path("value")));
		return result;
	}

	/** The pattern of a header parameter ({@code UserAgent}, {@code Authorization}) of the contract. */
	Pattern headerPattern(String parameter) {
		String pattern = spec.path("components").path("parameters").path(parameter).path("schema").path("pattern")
			.asString();
		return Pattern.compile(pattern);
	}

	private static void correctAllOfAdditionalProperties(ObjectNode schemas) {
		for (JsonNode schema : allObjects(schemas)) {
			JsonNode allOf = schema.path("allOf");
			if (!allOf.isArray()) {
				continue;
			}
			boolean closed = false;
			for (JsonNode branch : allOf) {
				if (branch.isObject() && branch.path("additionalProperties").isBoolean()
						&& !branch.path("additionalProperties").booleanValue()) {
					((ObjectNode) branch).remove("additionalProperties");
					closed = true;
				}
			}
			if (closed) {
				((ObjectNode) schema).put("unevaluatedProperties", false);
			}
		}
	}

	private static void correctButtonIndexPattern(ObjectNode schemas) {
		for (JsonNode schema : allObjects(schemas)) {
			JsonNode index = schema.path("properties").path("index");
			if (index.isObject() && "^[2-6, 11-14]$".equals(index.path("pattern").asString(""))) {
				((ObjectNode) index).put("pattern", "^[0-9]$");
			}
		}
	}

	private static void expandDiscriminators(ObjectNode schemas) {
		List<String> parents = new ArrayList<>();
		schemas.properties().forEach(e -> {
			JsonNode schema = e.getValue();
			if (schema.path("discriminator").path("mapping").isObject() && !schema.has("oneOf")
					&& !schema.has("anyOf")) {
				parents.add(e.getKey());
			}
		});
		for (String parent : parents) {
			ObjectNode original = (ObjectNode) schemas.path(parent);
			String base = parent + "_Base";
			ObjectNode baseSchema = original.deepCopy();
			baseSchema.remove("discriminator");
			schemas.set(base, baseSchema);
			String property = original.path("discriminator").path("propertyName").asString();
			ObjectNode replacement = JSON.createObjectNode();
			ArrayNode allOf = replacement.putArray("allOf");
			allOf.addObject().put("$ref", "#/components/schemas/" + base);
			original.path("discriminator").path("mapping").properties().forEach(m -> {
				String child = m.getValue().asString().substring("#/components/schemas/".length());
				redirectRefs(schemas.path(child), "#/components/schemas/" + parent, "#/components/schemas/" + base);
				ObjectNode branch = allOf.addObject();
				ObjectNode condition = branch.putObject("if");
				condition.putArray("required").add(property);
				condition.putObject("properties").putObject(property).put("const", m.getKey());
				branch.putObject("then").put("$ref", m.getValue().asString());
			});
			schemas.set(parent, replacement);
		}
	}

	private static void redirectRefs(JsonNode node, String from, String to) {
		if (node.isObject()) {
			ObjectNode object = (ObjectNode) node;
			if (from.equals(object.path("$ref").asString(""))) {
				object.put("$ref", to);
			}
			object.properties().forEach(e -> redirectRefs(e.getValue(), from, to));
		}
		else if (node.isArray()) {
			node.forEach(child -> redirectRefs(child, from, to));
		}
	}

	private static List<JsonNode> allObjects(JsonNode root) {
		List<JsonNode> result = new ArrayList<>();
		collect(root, result);
		return result;
	}

	private static void collect(JsonNode node, List<JsonNode> result) {
		if (node.isObject()) {
			result.add(node);
			node.properties().forEach(e -> collect(e.getValue(), result));
		}
		else if (node.isArray()) {
			node.forEach(child -> collect(child, result));
		}
	}
}

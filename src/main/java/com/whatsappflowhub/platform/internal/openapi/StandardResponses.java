package com.whatsappflowhub.platform.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.whatsappflowhub.platform.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The rules every operation follows, applied to the whole document so that a new endpoint needs no annotation for
 * them: operations under {@code /api/} take a bearer token (unless they declare {@code @SecurityRequirements()}
 * empty), say who may call them, and list the problems they can answer, each an {@code application/problem+json}
 * {@code Problem}:
 * <ul>
 * <li>400 when it takes a body or a parameter that can be invalid (validation, with {@code errors});</li>
 * <li>401 when it takes a token; 403 when a role rule guards it or it writes;</li>
 * <li>404 when its path names a resource; 409 when it creates or changes one; 412 when it honours {@code If-Match}.</li>
 * </ul>
 * A response an operation declares itself is kept; a 4xx or 5xx without a body of its own is given the problem body.
 */
class StandardResponses implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = "application/problem+json";

	private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
			PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

	private static final Set<PathItem.HttpMethod> CHANGES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
			PathItem.HttpMethod.PATCH);

	/** The standard problems: status, component name, description, example type and detail. */
	private record Standard(String status, String name, String description, String type, String detail) {
	}

	private static final List<Standard> STANDARDS = List.of(
			new Standard("400", "BadRequest", "The request is invalid: a field or parameter (listed in `errors`), or a "
					+ "domain rule.", "validation", "The request has invalid fields."),
			new Standard("401", "Unauthorized", "No valid bearer token: missing, expired, wrongly signed or of an "
					+ "unknown issuer. The answer carries `WWW-Authenticate: Bearer`.", "unauthorized",
					"A valid bearer token is required for this resource."),
			new Standard("403", "Forbidden", "The token is valid but its roles or scopes do not allow this operation.",
					"forbidden", "Your role does not allow this operation."),
			new Standard("404", "NotFound", "No such resource in the caller's tenant (another tenant's resource is "
					+ "answered 404 too).", "not-found", "No task 0b6b4a52-4a8e-4c39-9d0f-9d7a2c1a7b11"),
			new Standard("409", "Conflict", "The request clashes with the current state: a name or number that is "
					+ "taken, or a change its status does not allow.", "transition-not-allowed",
					"A task that is DONE cannot start."),
			new Standard("412", "PreconditionFailed", "`If-Match` names a version that is no longer current: read it "
					+ "again and retry with the new `ETag`.", "stale",
					"Task 0b6b4a52-4a8e-4c39-9d0f-9d7a2c1a7b11 is at version 1, not 0. Read it again and retry."));

	private final List<String> tokenSchemes;

	StandardResponses(List<String> tokenSchemes) {
		this.tokenSchemes = tokenSchemes;
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = api.getComponents() == null ? new Components() : api.getComponents();
		api.setComponents(components);
		components.addSchemas(PROBLEM, problemSchema());
		components.addSchemas("FieldError", fieldErrorSchema());
		STANDARDS.forEach(standard -> components.addResponses(standard.name(), standardResponse(standard)));
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			secure(path, operation);
			describeAccess(operation);
			addProblems(path, method, operation);
			problemBodies(operation.getResponses());
		}));
		tags(api);
	}

	private void secure(String path, Operation operation) {
		if (operation.getSecurity() == null && path.startsWith("/api/")) {
			List<SecurityRequirement> alternatives = new ArrayList<>();
			tokenSchemes.forEach(scheme -> alternatives.add(new SecurityRequirement().addList(scheme)));
			operation.setSecurity(alternatives);
		}
	}

	private static boolean takesToken(Operation operation) {
		return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
	}

	private void describeAccess(Operation operation) {
		Map<String, Object> extensions = operation.getExtensions();
		Object rule = extensions == null ? null : extensions.remove(AccessDocumentation.ACCESS_TEXT);
		String credential = tokenSchemes.size() > 1 ? "bearer token or API key" : "bearer token";
		String who = takesToken(operation)
				? "**Who may call it:** " + (rule == null ? "any signed-in caller" : rule) + " (" + credential + ")."
				: "**Who may call it:** anyone, without a token.";
		String description = operation.getDescription();
		operation.setDescription(description == null || description.isBlank() ? who : description.strip() + "\n\n" + who);
	}

	private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		operation.setResponses(responses);
		boolean token = takesToken(operation);
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		if (operation.getRequestBody() != null || parameters.stream().anyMatch(StandardResponses::validated)) {
			standard(responses, "400");
		}
		if (token) {
			standard(responses, "401");
		}
		boolean guarded = operation.getExtensions() != null && operation.getExtensions().containsKey(AccessDocumentation.ACCESS);
		if (token && (guarded || WRITES.contains(method))) {
			standard(responses, "403");
		}
		if (path.contains("{")) {
			standard(responses, "404");
		}
		if (token && CHANGES.contains(method)) {
			standard(responses, "409");
		}
		if (parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()))) {
			standard(responses, "412");
		}
	}

	/** A parameter that can be wrong: required, or not just any string (a number, a uuid, a bounded or listed value). */
	private static boolean validated(Parameter parameter) {
		Schema<?> schema = parameter.getSchema();
		if (Boolean.TRUE.equals(parameter.getRequired()) || schema == null) {
			return true;
		}
		Schema<?> value = "array".equals(schema.getType()) && schema.getItems() != null ? schema.getItems() : schema;
		return !"string".equals(value.getType()) || value.getFormat() != null || value.getPattern() != null
				|| value.getEnum() != null || value.getMinLength() != null || value.getMaxLength() != null;
	}

	private static void standard(ApiResponses responses, String status) {
		STANDARDS.stream()
			.filter(standard -> standard.status().equals(status))
			.findFirst()
			.ifPresent(standard -> responses.putIfAbsent(status,
					new ApiResponse().$ref("#/components/responses/" + standard.name())));
	}

	/** An error response without a body of its own (or with springdoc's guess) answers a problem. */
	private static void problemBodies(@Nullable ApiResponses responses) {
		if (responses == null) {
			return;
		}
		responses.forEach((status, response) -> {
			if (response.get$ref() != null || !(status.startsWith("4") || status.startsWith("5"))) {
				return;
			}
			Content content = response.getContent();
			boolean own = content != null && content.keySet().stream()
				.anyMatch(type -> !type.equals("*/*") && !type.equals("application/json"));
			if (!own) {
				response.setContent(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			}
			if (response.getDescription() == null || response.getDescription().isBlank()) {
				response.setDescription("A problem (RFC 9457).");
			}
		});
	}

	private static ApiResponse standardResponse(Standard standard) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", Problems.type(standard.type()).toString());
		example.put("title", reason(standard.status()));
		example.put("status", Integer.valueOf(standard.status()));
		example.put("detail", standard.detail());
		example.put("instance", "/api/v1/tasks/0b6b4a52-4a8e-4c39-9d0f-9d7a2c1a7b11");
		if (standard.status().equals("400")) {
			example.put("errors", List.of(Map.of("field", "title", "message", "must not be blank")));
		}
		return new ApiResponse().description(standard.description())
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
	}

	private static String reason(String status) {
		return org.springframework.http.HttpStatus.valueOf(Integer.parseInt(status)).getReasonPhrase();
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		Schema problem = new ObjectSchema().description("An RFC 9457 problem: every error of the API. `type` is stable "
				+ "(`" + Problems.BASE + "<slug>`) and the thing to branch on; `detail` is for people.")
			.addProperty("type", new StringSchema().format("uri").description("What kind of problem; stable.")
				.example(Problems.type("not-found").toString()))
			.addProperty("title", new StringSchema().description("The HTTP reason phrase.").example("Not Found"))
			.addProperty("status", new IntegerSchema().description("The HTTP status.").example(404))
			.addProperty("detail", new StringSchema().description("What went wrong, for people; never a stack trace."))
			.addProperty("instance", new StringSchema().description("The path of the request that failed."))
			.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
				.description("Validation problems only: each invalid field or parameter."));
		problem.setRequired(List.of("type", "status"));
		return problem;
	}

	private static Schema<?> fieldErrorSchema() {
		Schema<?> error = new ObjectSchema().description("One invalid field or parameter of a validation problem.")
			.addProperty("field", new StringSchema().description("The field (`deadline.at`) or parameter (`limit`).")
				.example("title"))
			.addProperty("message", new StringSchema().description("Why it is invalid.").example("must not be blank"));
		error.setRequired(List.of("field", "message"));
		return error;
	}

	/** Every tag an operation uses is declared, with the description of the known ones. */
	private static void tags(OpenAPI api) {
		Map<String, Tag> declared = new LinkedHashMap<>();
		if (api.getTags() != null) {
			api.getTags().forEach(tag -> declared.put(tag.getName(), tag));
		}
		api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
			if (operation.getTags() != null) {
				operation.getTags().forEach(name -> declared.computeIfAbsent(name, n -> new Tag().name(n)));
			}
		}));
		declared.values().forEach(tag -> {
			if (tag.getDescription() == null && ApiTags.DESCRIPTIONS.containsKey(tag.getName())) {
				tag.setDescription(ApiTags.DESCRIPTIONS.get(tag.getName()));
			}
		});
		List<Tag> ordered = new ArrayList<>();
		ApiTags.DESCRIPTIONS.keySet().forEach(name -> {
			if (declared.containsKey(name)) {
				ordered.add(declared.remove(name));
			}
		});
		ordered.addAll(declared.values());
		api.setTags(ordered);
	}
}

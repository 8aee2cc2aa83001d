package com.whatsappflowhub.platform.internal.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the OpenAPI document from the running application and writes it to {@code target/openapi.json}, where
 * Spectral lints it and the client test generates a Java client from it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTests {

	static final Path EXPORT = Path.of("target", "openapi.json");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	JsonNode document;

	@BeforeAll
	void export() throws IOException {
		MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk();
		String body = result.getResponse().getContentAsString();
		document = json.readTree(body);
		Files.createDirectories(EXPORT.getParent());
		Files.writeString(EXPORT, json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
	}

	@Test
	void namesTheBuildAndDeclaresTheBearerScheme() {
		assertThat(document.at("/info/title").asString()).isEqualTo("WhatsAppFlowHub API");
		assertThat(document.at("/info/version").asString()).isNotIn("v0", "dev", "");
		assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
		assertThat(document.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");
	}

	@Test
	void keepsTheDemoSandboxOut() {
		document.get("paths").propertyNames().forEach(path -> assertThat(path).doesNotStartWith("/sandbox"));
	}

	@Test
	void saysWhoMayCallAnOperationFromItsPreAuthorizeRule() {
		JsonNode createTenant = document.at("/paths/~1api~1v1~1tenants/post");
		assertThat(createTenant.at("/x-access").asString()).isEqualTo("hasRole('SUPER_ADMIN')");
		assertThat(createTenant.at("/description").asString()).contains("the role `SUPER_ADMIN` (bearer token or API key)");
		JsonNode listUsers = document.at("/paths/~1api~1v1~1users/get");
		assertThat(listUsers.at("/x-roles").values().stream().map(JsonNode::asString))
			.containsExactly("SUPER_ADMIN", "TENANT_ADMIN", "MANAGER");
		assertThat(document.at("/paths/~1api~1v1~1auth~1token/post/description").asString())
			.contains("anyone, without a token");
	}

	@Test
	void declaresTheStandardProblemsByRule() {
		JsonNode change = document.at("/paths/~1api~1v1~1tasks~1{id}/patch/responses");
		assertThat(change.propertyNames()).contains("400", "401", "403", "404", "409", "412");
		assertThat(change.at("/412/$ref").asString()).isEqualTo("#/components/responses/PreconditionFailed");
		JsonNode list = document.at("/paths/~1api~1v1~1tasks/get/responses");
		assertThat(list.propertyNames()).contains("400", "401").doesNotContain("404", "409", "412");
		assertThat(document.at("/components/responses/BadRequest/content/application~1problem+json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(document.at("/components/schemas/Problem/properties/errors/items/$ref").asString())
			.isEqualTo("#/components/schemas/FieldError");
	}

	@Test
	void servesSwaggerUiOnTheDocumentWithAWayToSignIn() throws Exception {
		assertThat(mvc.get().uri("/swagger-ui/index.html").exchange()).hasStatusOk();
		MvcTestResult config = mvc.get().uri("/v3/api-docs/swagger-config").exchange();
		assertThat(config).hasStatusOk();
		JsonNode ui = json.readTree(config.getResponse().getContentAsString());
		assertThat(ui.at("/url").asString()).isEqualTo("/v3/api-docs");
		assertThat(ui.at("/persistAuthorization").asBoolean()).isTrue();
	}

	@Test
	void everyOperationThatTakesATokenRefusesACallWithoutOne() {
		List<String> checked = new ArrayList<>();
		document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			JsonNode operation = entry.getValue();
			if (operation.path("security").isEmpty()) {
				return;
			}
			String uri = concrete(path.getKey(), operation);
			MvcTestResult result = mvc.method(HttpMethod.valueOf(entry.getKey().toUpperCase()))
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.exchange();
			assertThat(result.getResponse().getStatus()).as(entry.getKey() + " " + uri).isEqualTo(401);
			assertThat(operation.at("/responses/401/$ref").asString()).isEqualTo("#/components/responses/Unauthorized");
			checked.add(uri);
		}));
		assertThat(checked).hasSizeGreaterThan(40);
	}

	/** The path with each path parameter filled in from its schema: a uuid, or the first value it allows. */
	private static String concrete(String path, JsonNode operation) {
		String uri = path;
		for (JsonNode parameter : operation.path("parameters").values()) {
			if (parameter.path("in").asString().equals("path")) {
				JsonNode schema = parameter.path("schema");
				String value = schema.has("enum") ? schema.get("enum").get(0).asString()
						: schema.path("format").asString().equals("uuid") ? UUID.randomUUID().toString() : "x";
				uri = uri.replace("{" + parameter.get("name").asString() + "}", value);
			}
		}
		return uri;
	}
}

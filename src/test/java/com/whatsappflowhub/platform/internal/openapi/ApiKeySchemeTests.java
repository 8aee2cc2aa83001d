package com.whatsappflowhub.platform.internal.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The switch the API-key feature turns on: the scheme is declared and offered beside the bearer token. */
class ApiKeySchemeTests {

	static OpenAPI document(boolean apiKeys) {
		ApiDocsSettings settings = new ApiDocsSettings(List.of(new ApiDocsSettings.Server("https://flowhub.example.com", "production")),
				apiKeys, new ApiDocsSettings.Contact("API team", "api@example.com", "https://example.com"),
				new ApiDocsSettings.Licence("Proprietary", "https://example.com/terms"));
		OpenAPI api = new OpenApiConfiguration().flowhubOpenApi(settings,
				new StaticListableBeanFactory().getBeanProvider(BuildProperties.class));
		api.paths(new Paths().addPathItem("/api/v1/tasks", new PathItem().get(new Operation().summary("List tasks"))));
		new StandardResponses(apiKeys ? List.of(OpenApiConfiguration.BEARER, OpenApiConfiguration.API_KEY)
				: List.of(OpenApiConfiguration.BEARER)).customise(api);
		return api;
	}

	@Test
	void offersTheApiKeyBesideTheBearerTokenWhenSwitchedOn() {
		OpenAPI api = document(true);
		SecurityScheme key = api.getComponents().getSecuritySchemes().get("apiKey");
		assertThat(key.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
		assertThat(key.getIn()).isEqualTo(SecurityScheme.In.HEADER);
		assertThat(key.getName()).isEqualTo("X-API-Key");
		Operation list = api.getPaths().get("/api/v1/tasks").getGet();
		assertThat(list.getSecurity()).containsExactly(new SecurityRequirement().addList("bearerAuth"),
				new SecurityRequirement().addList("apiKey"));
		assertThat(list.getDescription()).contains("(bearer token or API key)");
		assertThat(api.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl()).isEqualTo("https://flowhub.example.com"));
	}

	@Test
	void declaresOnlyTheBearerTokenByDefault() {
		OpenAPI api = document(false);
		assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("bearerAuth");
		assertThat(api.getPaths().get("/api/v1/tasks").getGet().getSecurity())
			.containsExactly(new SecurityRequirement().addList("bearerAuth"));
		assertThat(api.getInfo().getVersion()).isEqualTo("dev");
	}
}

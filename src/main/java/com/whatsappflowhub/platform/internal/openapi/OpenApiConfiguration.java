package com.whatsappflowhub.platform.internal.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The document's frame (info, servers, security schemes) and the rules every operation follows. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsSettings.class)
class OpenApiConfiguration {

	static final String BEARER = "bearerAuth";

	static final String API_KEY = "apiKey";

	static final String DESCRIPTION = """
			WhatsAppFlowHub turns WhatsApp Business conversations into tasks: every inbound message is stored, \
			analysed, and the work in it becomes a task that is routed by rules and kept in sync.

			**Signing in.** `POST /api/v1/auth/token` with an e-mail and password returns a 15-minute access token \
			and a refresh token; send the access token as `Authorization: Bearer <token>`. Tokens of the configured \
			OpenID Connect provider are accepted as well. Each operation says which roles or scopes it needs.

			**Tenancy.** A token belongs to one tenant; everything you read and write is that tenant's. Another \
			tenant's resource is answered 404.

			**Errors** are RFC 9457 problem details (`application/problem+json`, schema `Problem`) with a stable \
			`type`; validation problems list the fields in `errors`.

			**Concurrency.** Reads of a task return an `ETag`; send it back as `If-Match` and a write answers 412 when \
			the task changed since.

			**Versions.** The path carries the major version (`/api/v1`). Additions are not breaking; an operation \
			that will go away is marked `deprecated` here first and answers with `Deprecation` and `Sunset` headers \
			(RFC 9745, RFC 8594) until its sunset date.
			""";

	static {
		// Every enum is a named schema (Role, TaskStatus...) that generated clients share, instead of a copy per field.
		io.swagger.v3.core.jackson.ModelResolver.enumsAsRef = true;
	}

	@Bean
	JsonSubTypeNames jsonSubTypeNames() {
		return new JsonSubTypeNames();
	}

	@Bean
	OpenAPI flowhubOpenApi(ApiDocsSettings settings, ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = properties == null ? "dev" : properties.getVersion();
		OpenAPI api = new OpenAPI()
			.info(new Info().title("WhatsAppFlowHub API")
				.version(version)
				.description(DESCRIPTION)
				.contact(new Contact().name(settings.contact().name())
					.email(settings.contact().email())
					.url(settings.contact().url()))
				.license(new License().name(settings.licence().name()).url(settings.licence().url())))
			.components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("An access token from `POST /api/v1/auth/token` (RS256, 15 minutes; claims `sub`, "
						+ "`tenant_id`, `roles`, `email`, and `scope` for API clients), or a token of the configured "
						+ "OpenID Connect provider carrying `tenant_id`.")));
		if (settings.apiKeys()) {
			api.getComponents()
				.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name("X-API-Key")
					.description("An API key (`fh_...`) of an API client, in `X-API-Key`; "
							+ "`Authorization: Bearer fh_...` is accepted as well. Its scopes decide what it may do."));
		}
		settings.servers().forEach(server -> api.addServersItem(new Server().url(server.url()).description(server.description())));
		return api;
	}

	@Bean
	OperationCustomizer accessDocumentation() {
		return new AccessDocumentation();
	}

	@Bean
	OperationCustomizer moduleTags() {
		return new ModuleTags();
	}

	@Bean
	OperationCustomizer deprecationDocumentation() {
		return new DeprecationDocumentation();
	}

	@Bean
	OpenApiCustomizer standardProblems(ApiDocsSettings settings) {
		return new StandardResponses(settings.apiKeys() ? java.util.List.of(BEARER, API_KEY) : java.util.List.of(BEARER));
	}

	@Bean
	OpenApiCustomizer anyValues() {
		return new AnyValues();
	}

	@Bean
	OpenApiCustomizer payloadExamples(ResourcePatternResolver resources) {
		return new PayloadExamples(resources);
	}
}

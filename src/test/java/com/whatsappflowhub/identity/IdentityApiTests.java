package com.whatsappflowhub.identity;

import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IdentityApiTests {

	@Autowired
	Api api;

	@Test
	void tokenFromTheTokenEndpointWorksOnMe() {
		MvcTestResult login = api.login(Api.SUPER_ADMIN_EMAIL, Api.SUPER_ADMIN_PASSWORD);
		assertThat(login).hasStatusOk();
		JsonNode tokens = api.read(login);
		assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(tokens.get("expires_in").asLong()).isEqualTo(900);
		assertThat(tokens.get("refresh_token").asString()).isNotBlank();
		assertThat(login.getResponse().getHeader("Cache-Control")).contains("no-store");

		MvcTestResult me = api.get("/api/v1/users/me", tokens.get("access_token").asString());
		assertThat(me).hasStatusOk();
		JsonNode body = api.read(me);
		assertThat(body.get("email").asString()).isEqualTo(Api.SUPER_ADMIN_EMAIL);
		assertThat(body.get("roles").toString()).contains("SUPER_ADMIN");
		assertThat(body.get("lastLoginAt").isNull()).isFalse();
	}

	@Test
	void aSecondTenantsAdminCannotSeeTheFirstTenantsUsers() {
		TenantFixture first = api.newTenant();
		TenantFixture second = api.newTenant();

		String secondAdmin = second.token(Role.TENANT_ADMIN);
		JsonNode users = api.read(api.get("/api/v1/users", secondAdmin));
		assertThat(users.findValuesAsString("tenantId")).isNotEmpty().containsOnly(second.tenantId());
		assertThat(users.findValuesAsString("id")).doesNotContain(first.spareUserId(), first.userIds().get(Role.USER));

		assertThat(api.get("/api/v1/users/" + first.spareUserId(), secondAdmin)).hasStatus(404);
		assertThat(api.get("/api/v1/teams/" + first.teamId(), secondAdmin)).hasStatus(404);
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameProblem() {
		MvcTestResult wrongPassword = api.login(Api.SUPER_ADMIN_EMAIL, "not-the-password");
		MvcTestResult unknown = api.login("nobody@example.com", "not-the-password");
		for (MvcTestResult result : new MvcTestResult[] { wrongPassword, unknown }) {
			assertThat(result).hasStatus(401);
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
			assertThat(api.read(result).get("type").asString()).endsWith("/invalid-credentials");
		}
	}

	@Test
	void validationProblemsNameTheFields() {
		TenantFixture tenant = api.newTenant();
		MvcTestResult result = api.post("/api/v1/users", tenant.token(Role.TENANT_ADMIN),
				Map.of("email", "not-an-email", "name", "", "roles", java.util.List.of()));
		assertThat(result).hasStatus(400);
		JsonNode problem = api.read(result);
		assertThat(problem.get("type").asString()).endsWith("/validation");
		assertThat(problem.get("errors").findValuesAsString("field")).contains("email", "name", "roles");
	}

	@Test
	void aTakenEmailIsAConflictAndCreatesNothing() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String email = Api.unique("dup") + "@example.com";
		api.createUser(admin, email, Role.USER, null);
		MvcTestResult again = api.post("/api/v1/users", admin,
				Map.of("email", email.toUpperCase(), "name", "Again", "roles", java.util.List.of("USER")));
		assertThat(again).hasStatus(409);
		assertThat(api.read(again).get("type").asString()).endsWith("/email-taken");
	}

	@Test
	void aTenantAdminCannotGrantThePlatformRole() {
		TenantFixture tenant = api.newTenant();
		MvcTestResult result = api.post("/api/v1/users", tenant.token(Role.TENANT_ADMIN), Map.of("email",
				Api.unique("esc") + "@example.com", "name", "Escalation", "roles", java.util.List.of("SUPER_ADMIN")));
		assertThat(result).hasStatus(400);
		assertThat(api.read(result).get("type").asString()).endsWith("/role-not-grantable");
	}

	@Test
	void aDeactivatedUserCanNoLongerSignInOrRefresh() {
		TenantFixture tenant = api.newTenant();
		String email = Api.unique("leaver") + "@example.com";
		String id = api.createUser(tenant.token(Role.TENANT_ADMIN), email, Role.USER, null);
		JsonNode tokens = api.read(api.login(email, Api.PASSWORD));

		assertThat(api.call(org.springframework.http.HttpMethod.DELETE, "/api/v1/users/" + id,
				tenant.token(Role.TENANT_ADMIN), null)).hasStatus(204);

		assertThat(api.login(email, Api.PASSWORD)).hasStatus(401);
		assertThat(api.mvc()
			.post()
			.uri("/api/v1/auth/refresh")
			.contentType("application/json")
			.content("{\"refresh_token\":\"" + tokens.get("refresh_token").asString() + "\"}")
			.exchange()).hasStatus(401);
	}

	@Test
	void responsesCarryTheSecurityHeaders() {
		MvcTestResult result = api.get("/api/v1/users/me", api.superAdminToken());
		assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(result.getResponse().getHeader("Strict-Transport-Security")).isNull(); // plain HTTP here

		MvcTestResult overTls = api.mvc()
			.get()
			.uri("https://localhost/api/v1/users/me")
			.header("Authorization", "Bearer " + api.superAdminToken())
			.exchange();
		assertThat(overTls.getResponse().getHeader("Strict-Transport-Security")).contains("max-age=31536000");
	}

	@Test
	void operationalEndpointsAnswerWithoutAToken() throws Exception {
		assertThat(api.mvc().get().uri("/actuator/health/liveness").exchange()).hasStatusOk();
		assertThat(api.mvc().get().uri("/actuator/health/readiness").exchange()).hasStatusOk();
		MvcTestResult metrics = api.mvc().get().uri("/actuator/prometheus").exchange();
		assertThat(metrics).hasStatusOk();
		assertThat(metrics.getResponse().getContentAsString()).contains("database_connections_active",
				"database_connections_max", "jvm_memory_used_bytes");
		MvcTestResult openapi = api.mvc().get().uri("/v3/api-docs").exchange();
		assertThat(openapi).hasStatusOk();
		assertThat(openapi.getResponse().getContentAsString()).contains("/api/v1/users/me", "/api/v1/tenants",
				"/api/v1/teams", "/api/v1/auth/token");
		assertThat(api.mvc().get().uri("/actuator/env").exchange().getResponse().getStatus()).isIn(401, 403, 404);
	}
}

package com.whatsappflowhub.trust;

import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings of issue 11 at the API's edge: each answer is a 4xx problem document, never a 500 or Spring's default. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiEdgeFindingsTests {

	@Autowired
	Api api;

	TenantFixture tenant;

	@BeforeAll
	void tenant() {
		tenant = api.newTenant();
	}

	@Test
	void malformedJsonIsAProblemDocument() {
		for (String body : new String[] { "{", "{\"email\": ", "[1,2", "not json at all", "{\"email\":\"a@b.c\",\"password\":12}}" }) {
			MvcTestResult result = api.mvc()
				.post()
				.uri("/api/v1/users")
				.header("Authorization", "Bearer " + tenant.token(Role.TENANT_ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.exchange();
			assertProblem(result, 400);
			MvcTestResult login = api.mvc().post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
			assertProblem(login, 400);
		}
	}

	@Test
	void anOversizedApiBodyIsRefusedWith413() {
		String huge = "{\"email\":\"x@example.com\",\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"roles\":[\"USER\"]}";
		MvcTestResult result = api.mvc()
			.post()
			.uri("/api/v1/users")
			.header("Authorization", "Bearer " + tenant.token(Role.TENANT_ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(huge)
			.exchange();
		assertProblem(result, 413);
	}

	@Test
	void aPasswordLongerThanBcryptTakesIsA400() {
		String longPassword = "p".repeat(73);
		assertProblem(api.login(tenant.spareEmail(), longPassword), 400);
		assertProblem(api.login(tenant.spareEmail(), "é".repeat(40)), 400); // 80 bytes in UTF-8
		assertProblem(api.post("/api/v1/users", tenant.token(Role.TENANT_ADMIN), Map.of("email",
				Api.unique("long") + "@example.com", "name", "Long", "password", "q".repeat(150), "roles",
				java.util.List.of("USER"))), 400);
		assertProblem(api.call(org.springframework.http.HttpMethod.PATCH, "/api/v1/users/" + tenant.spareUserId(),
				tenant.token(Role.TENANT_ADMIN), Map.of("password", "r".repeat(200))), 400);
	}

	@Test
	void anOutOfRangeLimitIsA400() {
		String admin = tenant.token(Role.TENANT_ADMIN);
		for (String query : new String[] { "limit=0", "limit=-1", "limit=100000", "limit=2147483648", "offset=-1",
				"limit=abc", "offset=99999999999" }) {
			assertProblem(api.get("/api/v1/users?" + query, admin), 400);
		}
		assertProblem(api.get("/api/v1/tenants?limit=-5", api.superAdminToken()), 400);
		assertProblem(api.get("/api/v1/tasks?limit=-5", admin), 400);
	}

	@Test
	void aNulInAQueryOrBodyIsNeverA500() {
		String admin = tenant.token(Role.TENANT_ADMIN);
		assertThat(api.get("/api/v1/messages?q=a%00b", admin).getResponse().getStatus()).isLessThan(500);
		assertThat(api.get("/api/v1/tasks?q=a%00b", admin).getResponse().getStatus()).isLessThan(500);
		MvcTestResult created = api.post("/api/v1/teams", admin, Map.of("name", "Team\u0000" + Api.unique("nul")));
		assertThat(created.getResponse().getStatus()).isLessThan(500);
		MvcTestResult rule = api.post("/api/v1/rules", admin, Map.of("name", "r\u0000", "condition", "true", "actions",
				java.util.List.of(Map.of("type", "add_labels", "labels", java.util.List.of("a\u0000b")))));
		assertThat(rule.getResponse().getStatus()).isLessThan(500);
	}

	static void assertProblem(MvcTestResult result, int status) {
		assertThat(result.getResponse().getStatus()).as(result.getMvcResult().getRequest().getRequestURI() + " "
				+ result.getMvcResult().getRequest().getQueryString()).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
	}
}

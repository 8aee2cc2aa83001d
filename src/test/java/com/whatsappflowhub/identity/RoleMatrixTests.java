package com.whatsappflowhub.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.whatsappflowhub.identity.Role.API_CLIENT;
import static com.whatsappflowhub.identity.Role.MANAGER;
import static com.whatsappflowhub.identity.Role.SUPER_ADMIN;
import static com.whatsappflowhub.identity.Role.TENANT_ADMIN;
import static com.whatsappflowhub.identity.Role.USER;
import static com.whatsappflowhub.identity.Role.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every identity endpoint, on resources of its own tenant and of another tenant. A role
 * that may use an endpoint gets 2xx on its own tenant's resources and 404 on another tenant's (never data);
 * a role that may not gets 403 either way.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTests {

	static final Set<Role> ADMINS = EnumSet.of(SUPER_ADMIN, TENANT_ADMIN);

	static final Set<Role> USER_READERS = EnumSet.of(SUPER_ADMIN, TENANT_ADMIN, MANAGER);

	static final Set<Role> TEAM_READERS = EnumSet.of(SUPER_ADMIN, TENANT_ADMIN, MANAGER, USER, VIEWER);

	@Autowired
	Api api;

	/** The super admin's own tenant is the platform tenant; its targets live there. */
	Targets platform;

	Targets tenantA;

	Targets tenantB;

	String superAdmin;

	/** {@code email} is the target user's: it must never appear in another tenant's answer. */
	record Targets(String userId, String teamId, String tenantId, String email) {
	}

	record Endpoint(String name, HttpMethod method, BiFunction<Targets, Integer, String> uri, Set<Role> allowed,
			boolean targetsResource, Object body) {
	}

	@BeforeAll
	void tenants() {
		superAdmin = api.superAdminToken();
		String platformTenant = api.read(api.get("/api/v1/users/me", superAdmin)).get("tenantId").asString();
		String platformTeam = api.read(api.post("/api/v1/teams", superAdmin, Map.of("name", Api.unique("ops"))))
			.get("id")
			.asString();
		String platformEmail = Api.unique("op") + "@example.com";
		String platformUser = api.createUser(superAdmin, platformEmail, USER, platformTeam);
		platform = new Targets(platformUser, platformTeam, platformTenant, platformEmail);
		fixtureA = api.newTenant();
		TenantFixture b = api.newTenant();
		tenantA = new Targets(fixtureA.spareUserId(), fixtureA.teamId(), fixtureA.tenantId(), fixtureA.spareEmail());
		tenantB = new Targets(b.spareUserId(), b.teamId(), b.tenantId(), b.spareEmail());
	}

	TenantFixture fixtureA;

	List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		Set<Role> everyone = EnumSet.allOf(Role.class);
		endpoints.add(new Endpoint("GET /users/me", HttpMethod.GET, (t, n) -> "/api/v1/users/me", everyone, false, null));
		endpoints.add(new Endpoint("GET /users", HttpMethod.GET, (t, n) -> "/api/v1/users", USER_READERS, false, null));
		endpoints.add(new Endpoint("POST /users", HttpMethod.POST, (t, n) -> "/api/v1/users", ADMINS, false, null));
		endpoints.add(new Endpoint("GET /users/{id}", HttpMethod.GET, (t, n) -> "/api/v1/users/" + t.userId(),
				USER_READERS, true, null));
		endpoints.add(new Endpoint("PATCH /users/{id}", HttpMethod.PATCH, (t, n) -> "/api/v1/users/" + t.userId(),
				ADMINS, true, Map.of("name", "Renamed")));
		endpoints.add(new Endpoint("GET /teams", HttpMethod.GET, (t, n) -> "/api/v1/teams", TEAM_READERS, false, null));
		endpoints.add(new Endpoint("POST /teams", HttpMethod.POST, (t, n) -> "/api/v1/teams", ADMINS, false, null));
		endpoints.add(new Endpoint("GET /teams/{id}", HttpMethod.GET, (t, n) -> "/api/v1/teams/" + t.teamId(),
				TEAM_READERS, true, null));
		endpoints.add(new Endpoint("PUT /teams/{id}/members/{userId}", HttpMethod.PUT,
				(t, n) -> "/api/v1/teams/" + t.teamId() + "/members/" + t.userId(), ADMINS, true, null));
		endpoints.add(new Endpoint("DELETE /teams/{id}/members/{userId}", HttpMethod.DELETE,
				(t, n) -> "/api/v1/teams/" + t.teamId() + "/members/" + t.userId(), ADMINS, true, null));
		endpoints.add(new Endpoint("DELETE /users/{id}", HttpMethod.DELETE, (t, n) -> "/api/v1/users/" + t.userId(),
				ADMINS, true, null));
		endpoints.add(new Endpoint("GET /tenants", HttpMethod.GET, (t, n) -> "/api/v1/tenants", EnumSet.of(SUPER_ADMIN),
				false, null));
		endpoints.add(new Endpoint("POST /tenants", HttpMethod.POST, (t, n) -> "/api/v1/tenants", EnumSet.of(SUPER_ADMIN),
				false, null));
		endpoints.add(new Endpoint("GET /tenants/{id}", HttpMethod.GET, (t, n) -> "/api/v1/tenants/" + t.tenantId(),
				EnumSet.of(SUPER_ADMIN), false, null));
		endpoints.add(new Endpoint("PATCH /tenants/{id}", HttpMethod.PATCH, (t, n) -> "/api/v1/tenants/" + t.tenantId(),
				EnumSet.of(SUPER_ADMIN), false, Map.of("locale", "en-GB")));
		return endpoints;
	}

	@TestFactory
	Stream<DynamicTest> everyRoleAgainstEveryEndpoint() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Role role : Role.values()) {
			for (Endpoint endpoint : endpoints()) {
				tests.add(DynamicTest.dynamicTest(role + " " + endpoint.name() + " (own tenant)",
						() -> check(role, endpoint, false)));
				if (endpoint.targetsResource()) {
					tests.add(DynamicTest.dynamicTest(role + " " + endpoint.name() + " (other tenant)",
							() -> check(role, endpoint, true)));
				}
			}
		}
		return tests.stream();
	}

	private void check(Role role, Endpoint endpoint, boolean otherTenant) throws Exception {
		String token = role == SUPER_ADMIN ? superAdmin : fixtureA.token(role);
		Targets own = role == SUPER_ADMIN ? platform : tenantA;
		Targets targets = otherTenant ? tenantB : own;
		MvcTestResult result = api.call(endpoint.method(), endpoint.uri().apply(targets, 0), token, body(endpoint));
		int status = result.getResponse().getStatus();
		String body = result.getResponse().getContentAsString();
		if (!endpoint.allowed().contains(role)) {
			assertThat(status).as(body).isEqualTo(403);
		}
		else if (otherTenant) {
			assertThat(status).as(body).isEqualTo(404);
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
			assertThat(body).contains("/problems/not-found").doesNotContain(tenantB.email()).doesNotContain(tenantB.tenantId());
		}
		else {
			assertThat(status).as(body).isBetween(200, 299);
		}
	}

	private Object body(Endpoint endpoint) {
		return switch (endpoint.name()) {
			case "POST /users" -> Map.of("email", Api.unique("m") + "@example.com", "name", "Matrix", "roles",
					List.of("USER"));
			case "POST /teams" -> Map.of("name", Api.unique("team"));
			case "POST /tenants" -> Map.of("name", "Matrix", "slug", Api.unique("mx"), "admin",
					Map.of("email", Api.unique("mx") + "@example.com", "name", "Admin", "password", Api.PASSWORD));
			default -> endpoint.body();
		};
	}
}

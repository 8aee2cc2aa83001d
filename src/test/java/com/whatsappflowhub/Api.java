package com.whatsappflowhub;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.whatsappflowhub.identity.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the HTTP API like a client would: signs in, creates tenants and users, reads JSON. */
@TestComponent
public class Api {

	public static final String SUPER_ADMIN_EMAIL = "admin@flowhub.test";

	public static final String SUPER_ADMIN_PASSWORD = "super-admin-test-password";

	public static final String PASSWORD = "a-long-test-password";

	private static final AtomicInteger sequence = new AtomicInteger();

	private final MockMvcTester mvc;

	private final JsonMapper json;

	Api(MockMvcTester mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	public MockMvcTester mvc() {
		return mvc;
	}

	public static String unique(String prefix) {
		return prefix + "-" + sequence.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public JsonNode read(MvcTestResult result) {
		try {
			return json.readTree(result.getResponse().getContentAsString());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public MvcTestResult call(HttpMethod method, String uri, String token, Object body) {
		var request = mvc.method(method).uri(uri).header("Authorization", "Bearer " + token);
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
		}
		return request.exchange();
	}

	public MvcTestResult get(String uri, String token) {
		return call(HttpMethod.GET, uri, token, null);
	}

	public MvcTestResult post(String uri, String token, Object body) {
		return call(HttpMethod.POST, uri, token, body);
	}

	public MvcTestResult login(String email, String password) {
		return mvc.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("email", email, "password", password)))
			.exchange();
	}

	public String token(String email, String password) {
		MvcTestResult result = login(email, password);
		assertThat(result).hasStatusOk();
		return read(result).get("access_token").asString();
	}

	public String superAdminToken() {
		return token(SUPER_ADMIN_EMAIL, SUPER_ADMIN_PASSWORD);
	}

	/** A tenant with one signed-in user per tenant role, a team, and a spare user to act on. */
	public record TenantFixture(String tenantId, String slug, Map<Role, String> tokens, Map<Role, String> userIds,
			String teamId, String spareUserId, String spareEmail) {

		public String token(Role role) {
			return tokens.get(role);
		}
	}

	public TenantFixture newTenant() {
		String slug = unique("t");
		String adminEmail = slug + "-admin@example.com";
		MvcTestResult created = post("/api/v1/tenants", superAdminToken(), Map.of("name", "Tenant " + slug, "slug", slug,
				"timezone", "America/New_York", "admin", Map.of("email", adminEmail, "name", "Admin", "password", PASSWORD)));
		assertThat(created).hasStatus(201);
		JsonNode body = read(created);
		String tenantId = body.get("tenant").get("id").asString();
		Map<Role, String> tokens = new EnumMap<>(Role.class);
		Map<Role, String> ids = new EnumMap<>(Role.class);
		tokens.put(Role.TENANT_ADMIN, token(adminEmail, PASSWORD));
		ids.put(Role.TENANT_ADMIN, body.get("adminId").asString());
		String admin = tokens.get(Role.TENANT_ADMIN);
		MvcTestResult team = post("/api/v1/teams", admin, Map.of("name", "Team " + slug));
		assertThat(team).hasStatus(201);
		String teamId = read(team).get("id").asString();
		for (Role role : List.of(Role.MANAGER, Role.USER, Role.VIEWER, Role.API_CLIENT)) {
			String email = slug + "-" + role.name().toLowerCase() + "@example.com";
			ids.put(role, createUser(admin, email, role, teamId));
			tokens.put(role, token(email, PASSWORD));
		}
		String spareEmail = slug + "-spare@example.com";
		String spare = createUser(admin, spareEmail, Role.USER, teamId);
		return new TenantFixture(tenantId, slug, tokens, ids, teamId, spare, spareEmail);
	}

	public String createUser(String adminToken, String email, Role role, String teamId) {
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("email", email, "name", "User " + email, "password", PASSWORD, "roles", List.of(role.name())));
		if (teamId != null) {
			body.put("teamId", teamId);
		}
		MvcTestResult result = post("/api/v1/users", adminToken, body);
		assertThat(result).hasStatus(201);
		return read(result).get("id").asString();
	}
}

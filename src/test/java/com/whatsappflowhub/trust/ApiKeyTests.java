package com.whatsappflowhub.trust;

import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys: created by a tenant admin with scopes, shown once, stored hashed, scoped, revocable. */
@IntegrationTest
class ApiKeyTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	String create(String admin, List<String> scopes) {
		MvcTestResult created = api.post("/api/v1/api-keys", admin, Map.of("name", "integration", "scopes", scopes));
		assertThat(created).hasStatus(201);
		JsonNode body = api.read(created);
		assertThat(body.path("key").asString()).startsWith("fh_live_").hasSizeGreaterThan(40);
		return body.path("key").asString();
	}

	MvcTestResult withKey(HttpMethod method, String uri, String key, boolean header, Object body) {
		var request = api.mvc().method(method).uri(uri);
		request = header ? request.header("X-API-Key", key) : request.header("Authorization", "Bearer " + key);
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON)
				.content(tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(body));
		}
		return request.exchange();
	}

	@Test
	void theScopeMatrixHoldsForKeysInEitherHeader() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String read = create(admin, List.of("tasks:read"));
		String write = create(admin, List.of("tasks:read", "tasks:write", "messages:read"));
		String none = create(admin, List.of());
		Map<String, Object> task = Map.of("title", "From an integration", "priority", "medium");

		for (boolean header : new boolean[] { true, false }) {
			assertThat(withKey(HttpMethod.GET, "/api/v1/tasks", read, header, null)).hasStatusOk();
			assertThat(withKey(HttpMethod.POST, "/api/v1/tasks", read, header, task)).hasStatus(403);
			assertThat(withKey(HttpMethod.GET, "/api/v1/messages?q=x", read, header, null)).hasStatus(403);
			assertThat(withKey(HttpMethod.POST, "/api/v1/tasks", write, header, task)).hasStatus(201);
			assertThat(withKey(HttpMethod.GET, "/api/v1/messages?q=x", write, header, null)).hasStatusOk();
			assertThat(withKey(HttpMethod.GET, "/api/v1/conversations", write, header, null)).hasStatusOk();
			assertThat(withKey(HttpMethod.GET, "/api/v1/tasks", none, header, null).getResponse().getStatus()).isIn(403, 200);
			assertThat(withKey(HttpMethod.GET, "/api/v1/conversations", none, header, null)).hasStatus(403);
			assertThat(withKey(HttpMethod.GET, "/api/v1/users", write, header, null)).hasStatus(403);
			assertThat(withKey(HttpMethod.GET, "/api/v1/api-keys", write, header, null)).hasStatus(403);
		}
		JsonNode listed = api.read(withKey(HttpMethod.GET, "/api/v1/tasks", read, true, null));
		assertThat(listed.toString()).contains("From an integration");
	}

	@Test
	void aKeyIsShownOnceStoredHashedAndRevocable() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String key = create(admin, List.of("tasks:read"));
		JsonNode list = api.read(api.get("/api/v1/api-keys", admin));
		assertThat(list.toString()).doesNotContain(key).contains(key.substring(0, 12));
		String id = list.get(0).path("id").asString();
		assertThat(withKey(HttpMethod.GET, "/api/v1/tasks", key, true, null)).hasStatusOk();
		assertThat(api.read(api.get("/api/v1/api-keys", admin)).get(0).path("lastUsedAt").isNull()).isFalse();

		assertThat(api.call(HttpMethod.DELETE, "/api/v1/api-keys/" + id, admin, null)).hasStatus(204);
		MvcTestResult revoked = withKey(HttpMethod.GET, "/api/v1/tasks", key, true, null);
		assertThat(revoked).hasStatus(401);
		assertThat(revoked.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(withKey(HttpMethod.GET, "/api/v1/tasks", "fh_live_made-up-key-that-does-not-exist", false, null)).hasStatus(401);
		assertThat(api.post("/api/v1/api-keys", admin, Map.of("name", "bad", "scopes", List.of("everything")))).hasStatus(400);
		assertThat(api.post("/api/v1/api-keys", tenant.token(Role.MANAGER), Map.of("name", "x", "scopes", List.of()))).hasStatus(403);
		// another tenant's admin cannot revoke it
		assertThat(api.call(HttpMethod.DELETE, "/api/v1/api-keys/" + id, api.newTenant().token(Role.TENANT_ADMIN), null))
			.hasStatus(404);
	}
}

package com.whatsappflowhub.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskApiTests {

	@Autowired
	Api api;

	TenantFixture acme;

	TenantFixture other;

	@BeforeAll
	void tenants() {
		acme = api.newTenant();
		other = api.newTenant();
	}

	String admin() {
		return acme.token(Role.TENANT_ADMIN);
	}

	JsonNode create(String token, Map<String, Object> body) {
		MvcTestResult result = api.post("/api/v1/tasks", token, body);
		assertThat(result).hasStatus(201);
		return api.read(result);
	}

	Map<String, Object> task(String title) {
		return new HashMap<>(Map.of("title", title));
	}

	@Test
	void createsReadsAndChangesATaskWithOptimisticConcurrency() {
		Map<String, Object> body = task("Send the Acme invoice");
		body.put("priority", "high");
		body.put("assigneeId", acme.userIds().get(Role.USER));
		body.put("deadline", Map.of("at", "2026-12-04T16:00:00Z", "grain", "minute"));
		body.put("labels", List.of("billing"));
		JsonNode created = create(admin(), body);
		String id = created.get("id").asString();
		assertThat(created.get("status").asString()).isEqualTo("OPEN");
		assertThat(created.get("priority").asString()).isEqualTo("high");

		MvcTestResult read = api.get("/api/v1/tasks/" + id, admin());
		assertThat(read).hasStatusOk();
		String etag = read.getResponse().getHeader("ETag");
		assertThat(etag).isEqualTo("\"0\"");

		MvcTestResult changed = api.mvc()
			.patch()
			.uri("/api/v1/tasks/" + id)
			.header("Authorization", "Bearer " + admin())
			.header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"priority\":\"urgent\"}")
			.exchange();
		assertThat(changed).hasStatusOk();
		assertThat(changed.getResponse().getHeader("ETag")).isEqualTo("\"1\"");

		MvcTestResult stale = api.mvc()
			.patch()
			.uri("/api/v1/tasks/" + id)
			.header("Authorization", "Bearer " + admin())
			.header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Lost update\"}")
			.exchange();
		assertThat(stale).hasStatus(412);
		assertThat(api.read(stale).get("type").asString()).endsWith("/stale");
		assertThat(api.read(api.get("/api/v1/tasks/" + id, admin())).get("title").asString())
			.isEqualTo("Send the Acme invoice");
	}

	@Test
	void walksTheLifecycleAndKeepsTheHistory() {
		String id = create(admin(), task("Repair the gate")).get("id").asString();
		assertThat(api.post("/api/v1/tasks/" + id + "/start", admin(), null)).hasStatusOk();
		assertThat(api.post("/api/v1/tasks/" + id + "/block", admin(), Map.of("reason", "parts on order"))).hasStatusOk();
		assertThat(api.post("/api/v1/tasks/" + id + "/complete", admin(), null)).hasStatusOk();
		MvcTestResult again = api.post("/api/v1/tasks/" + id + "/start", admin(), null);
		assertThat(again).hasStatus(409);
		assertThat(api.read(again).get("type").asString()).endsWith("/transition-not-allowed");
		assertThat(api.post("/api/v1/tasks/" + id + "/reopen", admin(), null)).hasStatusOk();

		JsonNode history = api.read(api.get("/api/v1/tasks/" + id + "/history", admin()));
		assertThat(history.findValuesAsString("action")).containsExactly("created", "start", "block", "complete", "reopen");
		assertThat(history.get(2).get("reason").asString()).isEqualTo("parts on order");
		assertThat(history.get(1).get("actorType").asString()).isEqualTo("USER");
		assertThat(history.get(1).get("actorId").asString()).isEqualTo(acme.userIds().get(Role.TENANT_ADMIN));
	}

	@Test
	void refusesTasksThatBreakTheDataQualityRules() {
		MvcTestResult emptyTitle = api.post("/api/v1/tasks", admin(), Map.of("title", " "));
		assertThat(emptyTitle).hasStatus(400);
		assertThat(api.read(emptyTitle).get("errors").findValuesAsString("field")).contains("title");
		MvcTestResult badPriority = api.post("/api/v1/tasks", admin(), Map.of("title", "x", "priority", "critical"));
		assertThat(badPriority).hasStatus(400);
		assertThat(api.read(badPriority).get("detail").asString()).contains("priority");
		MvcTestResult strangerAssignee = api.post("/api/v1/tasks", admin(),
				Map.of("title", "x", "assigneeId", other.userIds().get(Role.USER)));
		assertThat(strangerAssignee).hasStatus(400);
	}

	@Test
	void listsWithFiltersAndCursorPagination() {
		String marker = Api.unique("page");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Map<String, Object> body = task(marker + " item " + i);
			body.put("priority", i % 2 == 0 ? "low" : "high");
			ids.add(create(admin(), body).get("id").asString());
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api.read(api.get("/api/v1/tasks?q=" + marker + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin()));
			seen.addAll(page.get("items").findValuesAsString("id"));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		List<String> newestFirst = new ArrayList<>(ids);
		java.util.Collections.reverse(newestFirst);
		assertThat(seen).containsExactlyElementsOf(newestFirst);

		JsonNode high = api.read(api.get("/api/v1/tasks?q=" + marker + "&priority=high", admin()));
		assertThat(high.get("items").findValuesAsString("priority")).hasSize(2).containsOnly("high");
		JsonNode done = api.read(api.get("/api/v1/tasks?q=" + marker + "&status=DONE", admin()));
		assertThat(done.get("items")).isEmpty();
		Instant soon = Instant.now().plus(1, ChronoUnit.DAYS);
		assertThat(api.get("/api/v1/tasks?dueBefore=" + soon + "&createdFrom=" + Instant.now().minusSeconds(600), admin()))
			.hasStatusOk();
		assertThat(api.get("/api/v1/tasks?cursor=not-a-cursor", admin())).hasStatus(400);
	}

	@Test
	void eachRoleSeesAndChangesWhatItShould() {
		String user = acme.token(Role.USER);
		String userId = acme.userIds().get(Role.USER);
		Map<String, Object> mine = task("Assigned to the user");
		mine.put("assigneeId", userId);
		String assigned = create(admin(), mine).get("id").asString();
		Map<String, Object> teamTask = task("For the team");
		teamTask.put("teamId", acme.teamId());
		String forTeam = create(admin(), teamTask).get("id").asString();
		String unrelated = create(admin(), task("Nobody's")).get("id").asString();

		// USER: its own tasks only
		assertThat(api.get("/api/v1/tasks/" + assigned, user)).hasStatusOk();
		assertThat(api.get("/api/v1/tasks/" + unrelated, user)).hasStatus(404);
		assertThat(api.post("/api/v1/tasks/" + assigned + "/start", user, null)).hasStatusOk();
		assertThat(api.read(api.get("/api/v1/tasks", user)).get("items").findValuesAsString("id")).contains(assigned)
			.doesNotContain(unrelated, forTeam);

		// MANAGER: its team's tasks
		String manager = acme.token(Role.MANAGER);
		assertThat(api.get("/api/v1/tasks/" + forTeam, manager)).hasStatusOk();
		assertThat(api.get("/api/v1/tasks/" + unrelated, manager)).hasStatus(404);

		// VIEWER: reads everything, changes nothing
		String viewer = acme.token(Role.VIEWER);
		assertThat(api.get("/api/v1/tasks/" + unrelated, viewer)).hasStatusOk();
		assertThat(api.post("/api/v1/tasks/" + unrelated + "/complete", viewer, null)).hasStatus(403);
		assertThat(api.post("/api/v1/tasks", viewer, task("viewer's"))).hasStatus(403);

		// API_CLIENT without task scopes: nothing
		String client = acme.token(Role.API_CLIENT);
		assertThat(api.get("/api/v1/tasks/" + unrelated, client)).hasStatus(404);
		assertThat(api.post("/api/v1/tasks", client, task("client's"))).hasStatus(403);

		// the platform's super admin works in the platform tenant: another tenant's task is not found either
		assertThat(api.get("/api/v1/tasks/" + unrelated, api.superAdminToken())).hasStatus(404);
		assertThat(api.read(api.get("/api/v1/tasks", api.superAdminToken())).get("items").findValuesAsString("id"))
			.doesNotContain(assigned, forTeam, unrelated);

		// another tenant: 404 for everyone, even its admin
		for (Role role : List.of(Role.TENANT_ADMIN, Role.MANAGER, Role.USER, Role.VIEWER)) {
			assertThat(api.get("/api/v1/tasks/" + unrelated, other.token(role))).as(role.name()).hasStatus(404);
			assertThat(api.call(HttpMethod.POST, "/api/v1/tasks/" + unrelated + "/complete", other.token(role), null))
				.as(role.name())
				.hasStatus(404);
		}
		assertThat(api.read(api.get("/api/v1/tasks", other.token(Role.TENANT_ADMIN))).get("items").findValuesAsString("id"))
			.doesNotContain(assigned, forTeam, unrelated);
	}

	@Test
	void anApiClientWorksWithinItsScopes() throws Exception {
		String unrelated = create(admin(), task("Visible to a reading client")).get("id").asString();
		String reader = Api.unique("reader") + "@example.com";
		String writer = Api.unique("writer") + "@example.com";
		for (String[] client : new String[][] { { reader, "tasks:read" }, { writer, "tasks:write" } }) {
			assertThat(api.post("/api/v1/users", admin(), Map.of("email", client[0], "name", "Client", "password",
					Api.PASSWORD, "roles", List.of("API_CLIENT"), "scopes", List.of(client[1])))).hasStatus(201);
		}
		String readToken = api.token(reader, Api.PASSWORD);
		assertThat(com.nimbusds.jwt.SignedJWT.parse(readToken).getJWTClaimsSet().getStringClaim("scope"))
			.isEqualTo("tasks:read");
		assertThat(api.get("/api/v1/tasks/" + unrelated, readToken)).hasStatusOk();
		assertThat(api.post("/api/v1/tasks", readToken, task("not allowed"))).hasStatus(403);
		assertThat(api.post("/api/v1/tasks", api.token(writer, Api.PASSWORD), task("from a client"))).hasStatus(201);
		assertThat(api.post("/api/v1/users", admin(), Map.of("email", Api.unique("bad") + "@example.com", "name", "x",
				"roles", List.of("API_CLIENT"), "scopes", List.of("everything")))).hasStatus(400);
	}

	@Test
	void commentsAreKeptInOrder() {
		String id = create(admin(), task("Discuss")).get("id").asString();
		assertThat(api.post("/api/v1/tasks/" + id + "/comments", admin(), Map.of("body", "first"))).hasStatus(201);
		assertThat(api.post("/api/v1/tasks/" + id + "/comments", admin(), Map.of("body", "second"))).hasStatus(201);
		assertThat(api.post("/api/v1/tasks/" + id + "/comments", admin(), Map.of("body", ""))).hasStatus(400);
		assertThat(api.read(api.get("/api/v1/tasks/" + id + "/comments", admin())).findValuesAsString("body"))
			.containsExactly("first", "second");
	}

	@Test
	void reassigningRecordsWhoHadItBefore() {
		String id = create(admin(), task("Hand over")).get("id").asString();
		assertThat(api.post("/api/v1/tasks/" + id + "/assign", admin(), Map.of("assigneeId", acme.userIds().get(Role.USER))))
			.hasStatusOk();
		JsonNode task = api.read(api.post("/api/v1/tasks/" + id + "/assign", admin(),
				Map.of("assigneeId", acme.userIds().get(Role.MANAGER), "teamId", acme.teamId())));
		assertThat(task.get("assigneeId").asString()).isEqualTo(acme.userIds().get(Role.MANAGER));
		assertThat(task.get("teamId").asString()).isEqualTo(acme.teamId());
		assertThat(api.read(api.get("/api/v1/tasks/" + id + "/history", admin())).findValuesAsString("action"))
			.containsExactly("created", "assigned", "assigned");
	}
}

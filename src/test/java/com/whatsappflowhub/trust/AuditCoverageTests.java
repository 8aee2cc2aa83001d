package com.whatsappflowhub.trust;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.tasks.Actor;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 3: every task change (by a user, a rule, the AI pipeline, an integration, WhatsApp) and the access
 * decisions the trail lacked (token refresh, cross-tenant reads, the dashboard's refusals) leave their row.
 */
@IntegrationTest
class AuditCoverageTests {

	@Autowired
	Api api;

	@Autowired
	TaskManagement tasks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	record Row(String actor, String action, String target, String detail) {
	}

	List<Row> rows(TenantFixture tenant, String target) {
		JsonNode rows = api.read(api.get("/api/v1/audit?limit=500&target=" + target, tenant.token(Role.TENANT_ADMIN)));
		List<Row> newestFirst = new java.util.ArrayList<>(rows.valueStream()
			.map(r -> new Row(r.path("actor").asString(), r.path("action").asString(), r.path("target").asString(),
					r.path("detail").asString()))
			.toList());
		java.util.Collections.reverse(newestFirst);
		return newestFirst;
	}

	@Test
	void everyTaskChangeThroughTheApiIsRecordedWithItsUser() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String adminId = tenant.userIds().get(Role.TENANT_ADMIN);
		String id = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Call the supplier"))).get("id").asString();
		assertThat(api.call(org.springframework.http.HttpMethod.PATCH, "/api/v1/tasks/" + id, admin,
				Map.of("title", "Call the supplier today"))).hasStatusOk();
		assertThat(api.post("/api/v1/tasks/" + id + "/assign", admin, Map.of("assigneeId", tenant.userIds().get(Role.USER))))
			.hasStatusOk();
		assertThat(api.post("/api/v1/tasks/" + id + "/start", admin, null)).hasStatusOk();
		assertThat(api.post("/api/v1/tasks/" + id + "/comments", admin, Map.of("body", "on it"))).hasStatus(201);
		assertThat(api.post("/api/v1/tasks/" + id + "/complete", admin, null)).hasStatusOk();

		List<Row> rows = rows(tenant, "task:" + id);
		assertThat(rows).extracting(Row::action)
			.containsExactly("task.created", "task.updated", "task.assigned", "task.status-changed", "task.commented",
					"task.status-changed");
		assertThat(rows).extracting(Row::actor).containsOnly("user:" + adminId);
		assertThat(rows.get(1).detail()).isEqualTo("title");
		assertThat(rows.get(2).detail()).contains("user:" + tenant.userIds().get(Role.USER));
		assertThat(rows.get(3).detail()).isEqualTo("IN_PROGRESS");
		assertThat(rows.get(5).detail()).isEqualTo("DONE");
	}

	@Test
	void changesByTheAiARuleAnIntegrationAndWhatsAppNameTheirActor() {
		TenantFixture tenant = api.newTenant();
		TenantId tenantId = TenantId.of(tenant.tenantId());
		TaskView proposed = TenantContext.callAs(tenantId, () -> tasks
			.propose(new TaskManagement.Proposal("message:" + UUID.randomUUID() + ":0", "Send the invoice", null,
					Priority.MEDIUM, null, null, null, 0.9, List.of(), List.of(), null, null, null, false),
					new Actor(Actor.Type.AI, "embedded"))
			.orElseThrow());
		TaskId id = proposed.id();
		TenantContext.runAs(tenantId, () -> {
			tasks.apply(id, new Actor(Actor.Type.RULE, "vip"), steps -> steps.labels(List.of("vip")));
			tasks.apply(id, new Actor(Actor.Type.INTEGRATION, "jira:main"), steps -> steps.start());
			tasks.apply(id, new Actor(Actor.Type.WHATSAPP, "15550100"), steps -> steps.complete());
		});

		List<Row> rows = rows(tenant, "task:" + id.value());
		assertThat(rows).extracting(Row::actor, Row::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ai:embedded", "task.created"),
					org.assertj.core.groups.Tuple.tuple("rule:vip", "task.updated"),
					org.assertj.core.groups.Tuple.tuple("integration:jira:main", "task.status-changed"),
					org.assertj.core.groups.Tuple.tuple("whatsapp:15550100", "task.status-changed"));
	}

	@Test
	void aChangeThatRollsBackLeavesNoRow() {
		TenantFixture tenant = api.newTenant();
		TenantId tenantId = TenantId.of(tenant.tenantId());
		String origin = "message:" + UUID.randomUUID() + ":0";
		try {
			TenantContext.runAs(tenantId, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				tasks.propose(new TaskManagement.Proposal(origin, "Rolled back", null, Priority.LOW, null, null, null, 0.9,
						List.of(), List.of(), null, null, null, false), new Actor(Actor.Type.AI, "embedded"));
				throw new IllegalStateException("roll back");
			}));
		}
		catch (IllegalStateException expected) {
			// the change and its row go together
		}
		assertThat(api.read(api.get("/api/v1/audit?action=task.created&limit=500", tenant.token(Role.TENANT_ADMIN))))
			.isEmpty();
	}

	@Test
	void refreshSuccessAndRefusalAndASuperAdminsCrossTenantReadAreRecorded() {
		TenantFixture tenant = api.newTenant();
		String email = tenant.spareEmail();
		JsonNode pair = api.read(api.login(email, Api.PASSWORD));
		String refresh = pair.get("refresh_token").asString();
		var first = api.mvc().post().uri("/api/v1/auth/refresh").contentType("application/json")
			.content("{\"refresh_token\":\"" + refresh + "\"}").exchange();
		assertThat(first).hasStatusOk();
		var reused = api.mvc().post().uri("/api/v1/auth/refresh").contentType("application/json")
			.content("{\"refresh_token\":\"" + refresh + "\"}").exchange();
		assertThat(reused).hasStatus(401);
		var again = api.mvc().post().uri("/api/v1/auth/refresh").contentType("application/json")
			.content("{\"refresh_token\":\"" + refresh + "\"}").exchange();
		assertThat(again).hasStatus(401);
		List<String> actions = rows(tenant, "user:" + tenant.spareUserId()).stream().map(Row::action).toList();
		assertThat(actions).containsSubsequence("auth.sign-in.succeeded", "auth.refresh.succeeded", "auth.refresh.reused",
				"auth.refresh.refused");

		String superAdmin = api.superAdminToken();
		assertThat(api.get("/api/v1/tenants/" + tenant.tenantId(), superAdmin)).hasStatusOk();
		JsonNode platform = api.read(api.get("/api/v1/audit?action=cross-tenant.access&limit=500", superAdmin));
		assertThat(platform.findValuesAsString("target")).contains("tenant-admin:read");
		assertThat(platform.findValuesAsString("chain")).containsOnly("platform");
	}
}

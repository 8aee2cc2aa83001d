package com.whatsappflowhub.workflow;

import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RoutingRulesTests {

	@Autowired
	Api api;

	@Autowired
	RoutingRules rules;

	Map<String, Object> rule(String name, String condition, List<Map<String, Object>> actions, boolean stop) {
		return Map.of("name", name, "condition", condition, "actions", actions, "stopProcessing", stop);
	}

	String create(String token, Map<String, Object> rule) {
		MvcTestResult result = api.post("/api/v1/rules", token, rule);
		assertThat(result).hasStatus(201);
		return api.read(result).get("id").asString();
	}

	Map<String, Object> sample(String text, String language, String senderRole, String priority) {
		return Map.of("message", Map.of("text", text, "language", language), "task", Map.of("priority", priority),
				"sender", Map.of("role", senderRole));
	}

	@Test
	void aConditionThatDoesNotCompileIsRefusedWithItsPosition() {
		TenantFixture tenant = api.newTenant();
		MvcTestResult result = api.post("/api/v1/rules", tenant.token(Role.TENANT_ADMIN),
				rule("broken", "message.text.contains('invoice' &&", List.of(), false));
		assertThat(result).hasStatus(400);
		JsonNode problem = api.read(result);
		assertThat(problem.get("type").asString()).endsWith("/invalid-rule");
		assertThat(problem.get("detail").asString()).contains("line 1, column");
		assertThat(api.post("/api/v1/rules", tenant.token(Role.TENANT_ADMIN),
				rule("not boolean", "'yes'", List.of(), false))).hasStatus(400);
		assertThat(api.post("/api/v1/rules", tenant.token(Role.TENANT_ADMIN), rule("bad priority", "true",
				List.of(Map.of("type", "set_priority", "priority", "critical")), false))).hasStatus(400);
		assertThat(api.post("/api/v1/rules", tenant.token(Role.TENANT_ADMIN),
				rule("unknown action", "true", List.of(Map.of("type", "delete_everything")), false))).hasStatus(400);
	}

	@Test
	void aRuleTooExpensiveToRunIsRefusedWhenSavedSayingSo() {
		TenantFixture tenant = api.newTenant();
		String list = java.util.stream.IntStream.range(0, 60).mapToObj(Integer::toString)
			.collect(java.util.stream.Collectors.joining(",", "[", "]"));
		MvcTestResult result = api.post("/api/v1/rules", tenant.token(Role.TENANT_ADMIN),
				rule("nested", list + ".all(x, " + list + ".all(y, " + list + ".exists(z, x == y + z)))", List.of(), false));
		assertThat(result).hasStatus(400);
		assertThat(api.read(result).get("detail").asString()).contains("too expensive");
		assertThat(api.post("/api/v1/rules", tenant.token(Role.TENANT_ADMIN),
				rule("vip", "task.labels.exists(l, l == 'vip')", List.of(), false))).hasStatus(201);
	}

	@Test
	void dryRunShowsWhichRulesMatchInOrderAndWhatTheyWouldDo() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		create(admin, rule("spanish urgent", "task.priority in ['high', 'urgent'] && message.language == 'es'",
				List.of(Map.of("type", "add_labels", "labels", List.of("es")),
						Map.of("type", "assign_user", "userId", tenant.userIds().get(Role.MANAGER))),
				false));
		create(admin, rule("invoices", "message.text.contains('invoice')",
				List.of(Map.of("type", "set_priority", "priority", "high"),
						Map.of("type", "add_labels", "labels", List.of("billing"))),
				true));
		create(admin, rule("after stop", "true", List.of(Map.of("type", "require_confirmation")), false));

		JsonNode both = api.read(api.post("/api/v1/rules/dry-run", admin,
				sample("Can you resend the invoice?", "es", "customer", "urgent")));
		assertThat(both.get("matched").findValuesAsString("name")).containsExactly("spanish urgent", "invoices");
		assertThat(both.get("priority").asString()).isEqualTo("high");
		assertThat(both.get("assignee").asString()).isEqualTo(tenant.userIds().get(Role.MANAGER));
		assertThat(both.get("labels").toString()).contains("es", "billing");
		assertThat(both.get("requireConfirmation").asBoolean()).as("stopped before the third rule").isFalse();

		JsonNode none = api.read(api.post("/api/v1/rules/dry-run", admin, sample("Hola", "es", "customer", "low")));
		assertThat(none.get("matched").findValuesAsString("name")).containsExactly("after stop");
		assertThat(none.get("requireConfirmation").asBoolean()).isTrue();
	}

	@Test
	void reorderingAndDisablingChangeWhichRuleWins() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String low = create(admin, rule("low", "true", List.of(Map.of("type", "set_priority", "priority", "low")), false));
		String high = create(admin, rule("high", "true", List.of(Map.of("type", "set_priority", "priority", "high")), false));
		Map<String, Object> anything = sample("x", "en", "customer", "medium");
		assertThat(api.read(api.post("/api/v1/rules/dry-run", admin, anything)).get("priority").asString()).isEqualTo("high");

		assertThat(api.post("/api/v1/rules/reorder", admin, Map.of("ids", List.of(high, low)))).hasStatusOk();
		assertThat(api.read(api.post("/api/v1/rules/dry-run", admin, anything)).get("priority").asString()).isEqualTo("low");

		assertThat(api.post("/api/v1/rules/" + low + "/disable", admin, null)).hasStatusOk();
		assertThat(api.read(api.post("/api/v1/rules/dry-run", admin, anything)).get("priority").asString()).isEqualTo("high");
		assertThat(api.read(api.get("/api/v1/rules", admin)).findValuesAsString("name")).containsExactly("high", "low");
	}

	@Test
	void aRuleThatFailsAtRunTimeIsRecordedAndSkipped() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String broken = create(admin, rule("needs a missing field", "message.attachments.size() > 0",
				List.of(Map.of("type", "set_priority", "priority", "urgent")), false));
		create(admin, rule("fine", "true", List.of(Map.of("type", "add_labels", "labels", List.of("seen"))), false));

		Decision decision = TenantContext.callAs(TenantId.of(tenant.tenantId()), () -> rules.decide(
				new RuleInput(Map.of("text", "hi"), Map.of(), Map.of(), Map.of()), "message:test-1"));

		assertThat(decision.failures()).extracting(Decision.Failure::name).containsExactly("needs a missing field");
		assertThat(decision.priority()).isNull();
		assertThat(decision.labels()).containsExactly("seen");
		JsonNode failures = api.read(api.get("/api/v1/rules/" + broken + "/failures", admin));
		assertThat(failures.findValuesAsString("subject")).containsExactly("message:test-1");
	}

	@Test
	void teamAssignmentGoesRoundRobin() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		create(admin, rule("to the team", "true", List.of(Map.of("type", "assign_team", "teamId", tenant.teamId())), false));
		RuleInput input = new RuleInput(Map.of(), Map.of(), Map.of(), Map.of());
		TenantId tenantId = TenantId.of(tenant.tenantId());
		List<String> assignees = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String subject = "round " + i;
			assignees.add(String.valueOf(TenantContext.callAs(tenantId, () -> rules.decide(input, subject)).assignee()));
		}
		// the fixture's team: manager, user, viewer, API client and the spare user (5 active members)
		assertThat(assignees.subList(0, 5)).doesNotHaveDuplicates();
		assertThat(assignees.get(5)).isEqualTo(assignees.get(0));
	}

	@Test
	void onlyTenantAdminsManageRulesAndOnlyTheirOwn() {
		TenantFixture tenant = api.newTenant();
		TenantFixture other = api.newTenant();
		String id = create(tenant.token(Role.TENANT_ADMIN), rule("mine", "true", List.of(), false));
		for (Role role : List.of(Role.MANAGER, Role.USER, Role.VIEWER, Role.API_CLIENT)) {
			assertThat(api.get("/api/v1/rules", tenant.token(role))).as(role.name()).hasStatus(403);
		}
		assertThat(api.get("/api/v1/rules/" + id, other.token(Role.TENANT_ADMIN))).hasStatus(404);
		assertThat(api.call(HttpMethod.DELETE, "/api/v1/rules/" + id, other.token(Role.TENANT_ADMIN), null)).hasStatus(404);
		assertThat(api.call(HttpMethod.DELETE, "/api/v1/rules/" + id, tenant.token(Role.TENANT_ADMIN), null)).hasStatus(204);
	}
}

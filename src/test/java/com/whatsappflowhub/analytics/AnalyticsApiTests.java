package com.whatsappflowhub.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.demo.DemoReplay;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.AppSecret;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The analytics API over the real tables: what it counts, for whom, and the CSV. */
@IntegrationTest
class AnalyticsApiTests {

	@Autowired
	Api api;

	@Autowired
	NumberSettings numbers;

	@Test
	void countsTheTenantsTasksPerDayAndPerAssignee() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String userId = tenant.userIds().get(Role.USER);
		String first = create(admin, "Call the bank", userId);
		create(admin, "Book the venue", userId);
		create(admin, "Order toner", tenant.spareUserId());
		assertThat(api.post("/api/v1/tasks/" + first + "/complete", admin, null)).hasStatusOk();

		JsonNode report = api.read(api.get("/api/v1/analytics/report", admin));
		JsonNode summary = report.get("summary");
		assertThat(summary.get("tasksCreated").asLong()).isEqualTo(3);
		assertThat(summary.get("tasksCompleted").asLong()).isEqualTo(1);
		assertThat(summary.get("messages").asLong()).isZero();
		assertThat(report.get("days")).hasSize(30);
		JsonNode today = report.get("days").get(29);
		assertThat(today.get("tasksCreated").asLong()).isEqualTo(3);
		JsonNode user = report.get("assignees").valueStream().filter(l -> userId.equals(l.get("id").asString())).findFirst().orElseThrow();
		assertThat(user.get("open").asLong()).isEqualTo(1);
		assertThat(user.get("completed").asLong()).isEqualTo(1);
		assertThat(user.get("name").asString()).startsWith("User ");

		// a user counts only their own work, and no tenant-wide message figures
		JsonNode own = api.read(api.get("/api/v1/analytics/summary", tenant.token(Role.USER)));
		assertThat(own.get("tasksCreated").asLong()).isEqualTo(2);
		assertThat(own.get("messages").isNull()).isTrue();

		// API clients have no analytics; a bad period is a 400 problem
		assertThat(api.get("/api/v1/analytics/summary", tenant.token(Role.API_CLIENT))).hasStatus(403);
		assertThat(api.get("/api/v1/analytics/summary?from=2026-02-01&to=2026-01-01", admin)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://whatsappflowhub.com/problems/invalid-period");
	}

	@Test
	void exportsTheDaysAsCsv() throws Exception {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		create(admin, "Send the minutes", null);
		String today = api.read(api.get("/api/v1/analytics/daily?from=2026-01-01&to=2026-01-03", admin)).toString();
		assertThat(today).contains("2026-01-01", "2026-01-03");

		var csv = api.get("/api/v1/analytics/daily.csv", admin);
		assertThat(csv).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
		String[] lines = csv.getResponse().getContentAsString(StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).isEqualTo("date,messages,tasks_created,tasks_completed,tasks_overdue");
		assertThat(lines).hasSize(31);
		assertThat(lines[30]).endsWith(",0,1,0,0");
	}

	@Test
	void measuresMessagesActionableShareAndTimeToDoneFromWhatsApp() {
		String admin = api.token("admin@demo.flowhub.test", "demo-admin-test-password");
		String word = "Quuxcorp" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
		post(DemoReplay.message(numbers.demoPhoneNumberId(), "447700955" + (100 + (int) (Math.random() * 800)),
				"Analytics Test", "Hi! can you send the " + word + " invoice by Friday 5pm? Thanks", Instant.now()));
		JsonNode task = await().atMost(Duration.ofSeconds(20)).until(() -> api.read(api.get("/api/v1/tasks?q=" + word, admin))
			.get("items"), items -> items.size() == 1).get(0);
		assertThat(api.post("/api/v1/tasks/" + task.get("id").asString() + "/complete", admin, null)).hasStatusOk();

		// a period around now in any zone: the default period ("the last 30 days up to today in the tenant's zone")
		// counted no message in a run just after midnight in the tenant's zone (Europe/Madrid); see the issue note
		java.time.LocalDate utc = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		JsonNode summary = api.read(api.get("/api/v1/analytics/summary?from=" + utc.minusDays(2) + "&to=" + utc.plusDays(2), admin));
		assertThat(summary.get("messages").asLong()).isPositive();
		assertThat(summary.get("actionableShare").asDouble()).isBetween(0.01, 1.0);
		assertThat(summary.get("medianHoursToDone").isNumber()).isTrue();
		assertThat(summary.get("p90HoursToDone").asDouble()).isGreaterThanOrEqualTo(summary.get("medianHoursToDone").asDouble());

		// the same period by the language detected on each message: the figures add up to the summary's
		JsonNode languages = api.read(api.get("/api/v1/analytics/languages?from=" + utc.minusDays(2) + "&to=" + utc.plusDays(2), admin));
		long perLanguage = 0;
		boolean detectedWithTask = false;
		for (JsonNode language : languages) {
			perLanguage += language.get("messages").asLong();
			detectedWithTask |= !language.get("language").asString().equals("und") && language.get("tasksCreated").asLong() > 0;
		}
		assertThat(perLanguage).isEqualTo(summary.get("messages").asLong());
		assertThat(detectedWithTask).as("a language detected on a message that became a task: %s", languages).isTrue();
	}

	@Autowired
	com.whatsappflowhub.tasks.TaskManagement tasks;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void reviewDecisionsFeedTheConfirmationRateAndTheAccuracyMetric() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		double confirmedBefore = decisions("confirmed");
		double rejectedBefore = decisions("rejected");
		String kept = suggest(tenant, "Ship the samples");
		String dropped = suggest(tenant, "Nice weather today");

		assertThat(api.post("/api/v1/tasks/" + kept + "/confirm", admin, null)).hasStatusOk();
		assertThat(api.post("/api/v1/tasks/" + dropped + "/cancel", admin, Map.of("reason", "rejected in review"))).hasStatusOk();

		JsonNode summary = api.read(api.get("/api/v1/analytics/summary", admin));
		assertThat(summary.get("suggestionsConfirmed").asLong()).isEqualTo(1);
		assertThat(summary.get("suggestionsRejected").asLong()).isEqualTo(1);
		assertThat(summary.get("confirmationRate").asDouble()).isEqualTo(0.5);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(decisions("confirmed")).isEqualTo(confirmedBefore + 1);
			assertThat(decisions("rejected")).isEqualTo(rejectedBefore + 1);
		});
	}

	double decisions(String decision) {
		return meters.get("task_review_decisions").tag("decision", decision).counter().count();
	}

	String suggest(Api.TenantFixture tenant, String title) {
		return com.whatsappflowhub.platform.TenantContext.callAs(com.whatsappflowhub.platform.TenantId.of(tenant.tenantId()),
				() -> tasks.propose(new com.whatsappflowhub.tasks.TaskManagement.Proposal("test:" + java.util.UUID.randomUUID(),
						title, null, com.whatsappflowhub.tasks.Priority.MEDIUM, null, null, null, 0.5, java.util.List.of(),
						java.util.List.of(), null, null, null, true),
						new com.whatsappflowhub.tasks.Actor(com.whatsappflowhub.tasks.Actor.Type.AI, "test")))
			.orElseThrow()
			.id()
			.toString();
	}

	String create(String token, String title, String assignee) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title));
		if (assignee != null) {
			body.put("assigneeId", assignee);
		}
		return api.read(api.post("/api/v1/tasks", token, body)).get("id").asString();
	}

	void post(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		assertThat(api.mvc()
			.post()
			.uri("/webhooks/whatsapp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(SignatureVerifier.HEADER, new SignatureVerifier().sign(bytes, new AppSecret(numbers.appSecret())))
			.content(bytes)
			.exchange()).hasStatusOk();
	}
}

package com.whatsappflowhub.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.extraction.MessageAnalysis;
import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.tenant.TenantManagement;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline from a stored message to a managed task, through the event publication registry: analysis with
 * the embedded engine, then intake. The demo tenant works in Europe/Madrid (see the test properties).
 */
@IntegrationTest
class AnalysisToTaskTests {

	@Autowired
	Api api;

	@Autowired
	MessageAnalysis analysis;

	@Autowired
	TenantManagement tenants;

	@Autowired
	Directory directory;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aCustomersRequestToMariaBecomesHerTaskDueThatFridayAtFivePmInTheTenantsZone() {
		TenantId demo = tenants.findBySlug("test", "demo").orElseThrow().id();
		StaffMember maria = TenantContext.callAs(demo, () -> directory.staff())
			.stream()
			.filter(m -> m.name().equals("Maria Garcia"))
			.findFirst()
			.orElseThrow();
		UUID message = UUID.randomUUID();
		Instant tuesdayMorning = Instant.parse("2026-12-01T09:00:00Z");

		TenantContext.runAs(demo, () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> analysis
			.analyse(new MessageAnalysis.Incoming(message, UUID.randomUUID(),
					"@Maria can you send the Acme invoice by Friday 5pm?", tuesdayMorning, null, "Acme Ltd", List.of()))));

		String admin = api.token("admin@demo.flowhub.test", "demo-admin-test-password");
		JsonNode task = await().atMost(Duration.ofSeconds(10)).until(() -> {
			JsonNode page = api.read(api.get("/api/v1/tasks?q=Acme", admin));
			for (JsonNode item : page.get("items")) {
				if (message.toString().equals(item.get("sourceMessageId").asString())) {
					return item;
				}
			}
			return null;
		}, found -> found != null);

		assertThat(task.get("assigneeId").asString()).isEqualTo(maria.id().toString());
		assertThat(task.get("priority").asString()).isEqualTo("medium");
		assertThat(Instant.parse(task.get("deadline").get("at").asString()))
			.isEqualTo(Instant.parse("2026-12-04T16:00:00Z")); // Friday 17:00 in Madrid
		assertThat(task.get("title").asString().toLowerCase()).contains("invoice");
		assertThat(task.get("suggested").asBoolean()).isFalse();
		assertThat(task.get("evidence").findValuesAsString("field")).isNotEmpty();
	}
}

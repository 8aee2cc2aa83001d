package com.whatsappflowhub.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.SenderNotificationRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@RecordApplicationEvents
class TaskIntakeTests {

	@Autowired
	Api api;

	@Autowired
	TaskIntake intake;

	@Autowired
	ConversationActivity activity;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	TenantFixture tenant;

	TenantId tenantId;

	UserId maria;

	@BeforeEach
	void tenant() {
		tenant = api.newTenant();
		tenantId = TenantId.of(tenant.tenantId());
		maria = UserId.of(tenant.userIds().get(Role.USER));
	}

	TaskIntake.AnalyzedMessage customerMessage(UUID id, String text, double confidence) {
		return new TaskIntake.AnalyzedMessage(id, UUID.randomUUID(), null, "customer", "Acme Ltd", text, "en", true,
				confidence, "embedded/test",
				List.of(new TaskIntake.Proposed("Send the Acme invoice", text, Priority.MEDIUM, maria,
						new Deadline(Instant.parse("2026-12-04T16:00:00Z"), "minute"), confidence,
						List.of(new Evidence("title", 0, 4, text.substring(0, 4))))));
	}

	List<TaskView> intake(TaskIntake.AnalyzedMessage message) {
		return TenantContext.callAs(tenantId, () -> intake.intake(message));
	}

	@Test
	void aConfidentTaskIsCreatedOnceAndTheCustomerIsToldOnce() {
		UUID message = UUID.randomUUID();
		TaskIntake.AnalyzedMessage analysed = customerMessage(message, "Please send the Acme invoice by Friday 5pm", 0.92);

		List<TaskView> first = intake(analysed);
		List<TaskView> again = intake(analysed);

		assertThat(first).singleElement().satisfies(task -> {
			assertThat(task.suggested()).isFalse();
			assertThat(task.assigneeId()).isEqualTo(maria);
			assertThat(task.confidence()).isEqualTo(0.92);
			assertThat(task.sourceMessageId()).isEqualTo(message);
			assertThat(task.createdBy()).isEqualTo("ai:embedded/test");
		});
		assertThat(again).isEmpty();
		assertThat(events.stream(SenderNotificationRequested.class).filter(e -> e.replyToMessageId().equals(message)))
			.singleElement()
			.satisfies(n -> assertThat(n.text()).contains("Send the Acme invoice").contains("due Fri 4 Dec"));
	}

	@Test
	void aLessConfidentTaskWaitsForConfirmationAndAnUnsureOneIsDropped() {
		UUID unsure = UUID.randomUUID();
		List<TaskView> suggested = intake(customerMessage(UUID.randomUUID(), "maybe the invoice at some point", 0.55));
		List<TaskView> dropped = intake(customerMessage(unsure, "lol ok", 0.2));

		assertThat(suggested).singleElement().satisfies(task -> assertThat(task.suggested()).isTrue());
		assertThat(dropped).isEmpty();
		JsonNode queue = api.read(api.get("/api/v1/tasks/suggestions", tenant.token(Role.TENANT_ADMIN)));
		assertThat(queue.get("items").findValuesAsString("id")).contains(suggested.get(0).id().toString());
		assertThat(events.stream(SenderNotificationRequested.class)
			.filter(e -> e.key().equals("logged:" + suggested.get(0).id()))).isEmpty();
	}

	@Test
	void routingRulesChangeTheNewTaskAndTheHistorySaysWhichRule() {
		String admin = tenant.token(Role.TENANT_ADMIN);
		assertThat(api.post("/api/v1/rules", admin, Map.of("name", "invoices are urgent", "condition",
				"message.text.contains('invoice') && sender.role == 'customer'", "actions",
				List.of(Map.of("type", "set_priority", "priority", "urgent"),
						Map.of("type", "add_labels", "labels", List.of("billing"))),
				"stopProcessing", false))).hasStatus(201);

		TaskView task = intake(customerMessage(UUID.randomUUID(), "Where is my invoice??", 0.9)).get(0);

		assertThat(task.priority()).isEqualTo(Priority.URGENT);
		assertThat(task.labels()).containsExactly("billing");
		JsonNode history = api.read(api.get("/api/v1/tasks/" + task.id() + "/history", admin));
		assertThat(history.findValuesAsString("actorType")).containsExactly("AI", "RULE", "RULE");
		assertThat(history.get(1).get("actorId").asString()).isEqualTo("invoices are urgent");
	}

	@Test
	void theAssigneesDoneReplyCompletesTheTaskAndTheCustomerIsTold() {
		UUID message = UUID.randomUUID();
		TaskView task = intake(customerMessage(message, "Please send the Acme invoice by Friday 5pm", 0.92)).get(0);
		UserId john = UserId.of(tenant.userIds().get(Role.MANAGER));

		assertThat(TenantContext.callAs(tenantId, () -> activity.replied(message, john, "done ✅"))).isEmpty();
		assertThat(TenantContext.callAs(tenantId, () -> activity.replied(message, maria, "is it done?"))).isEmpty();
		assertThat(TenantContext.callAs(tenantId, () -> activity.replied(message, null, "done"))).isEmpty();
		List<TaskView> done = TenantContext.callAs(tenantId, () -> activity.replied(message, maria, "done ✅"));

		assertThat(done).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.DONE));
		JsonNode history = api.read(api.get("/api/v1/tasks/" + task.id() + "/history", tenant.token(Role.TENANT_ADMIN)));
		assertThat(history.get(history.size() - 1).get("actorType").asString()).isEqualTo("WHATSAPP");
		assertThat(history.get(history.size() - 1).get("actorId").asString()).isEqualTo(maria.toString());
		// asked for by the completion-notice stage: the request to the channel is a delivery of the delivery engine
		// (this test's conversation does not exist, so it ends as a dead letter that says so)
		String key = "completed:" + task.id() + ":" + done.get(0).updatedAt().toEpochMilli();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> TenantContext.callAs(tenantId, () -> new TransactionTemplate(transactionManager)
				.execute(status -> jdbc.sql("SELECT count(*) FROM work_item WHERE stage = 'whatsapp.sender-notice' AND key = ?")
					.param(key)
					.query(Long.class)
					.single())) > 0);
	}

	@Test
	void takingItOrThumbingASuggestionAssignsAndConfirms() {
		UUID message = UUID.randomUUID();
		TaskIntake.AnalyzedMessage unassigned = new TaskIntake.AnalyzedMessage(message, UUID.randomUUID(), null,
				"customer", "Acme", "could someone check the gate", "en", true, 0.5, "embedded/test",
				List.of(new TaskIntake.Proposed("Check the gate", null, Priority.LOW, null, null, 0.5, List.of())));
		TaskView suggestion = intake(unassigned).get(0);
		assertThat(suggestion.suggested()).isTrue();
		UserId john = UserId.of(tenant.userIds().get(Role.MANAGER));

		TaskView accepted = TenantContext.callAs(tenantId, () -> activity.reacted(message, john, "👍")).get(0);
		assertThat(accepted.suggested()).isFalse();
		assertThat(accepted.assigneeId()).isEqualTo(john);

		TaskView taken = TenantContext.callAs(tenantId, () -> activity.replied(message, maria, "I'll take it")).get(0);
		assertThat(taken.assigneeId()).isEqualTo(maria);
	}
}

package com.whatsappflowhub.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** A deactivated employee's WhatsApp replies and reactions no longer change tasks. */
@IntegrationTest
class DeactivatedStaffTests {

	@Autowired
	Api api;

	@Autowired
	TaskIntake intake;

	@Autowired
	ConversationActivity activity;

	@Test
	void aDeactivatedAssigneesDoneReplyCompletesNothing() {
		TenantFixture tenant = api.newTenant();
		TenantId tenantId = TenantId.of(tenant.tenantId());
		UserId maria = UserId.of(tenant.userIds().get(Role.USER));
		UUID message = UUID.randomUUID();
		String text = "Please send the Acme invoice by Friday 5pm";
		TaskIntake.AnalyzedMessage analysed = new TaskIntake.AnalyzedMessage(message, UUID.randomUUID(), null, "customer",
				"Acme Ltd", text, "en", true, 0.92, "embedded/test",
				List.of(new TaskIntake.Proposed("Send the Acme invoice", text, Priority.MEDIUM, maria,
						new Deadline(Instant.parse("2026-12-04T16:00:00Z"), "minute"), 0.92,
						List.of(new Evidence("title", 0, 4, text.substring(0, 4))))));
		TaskView task = TenantContext.callAs(tenantId, () -> intake.intake(analysed)).get(0);

		assertThat(api.call(HttpMethod.DELETE, "/api/v1/users/" + maria, tenant.token(Role.TENANT_ADMIN), null).getResponse()
			.getStatus()).isLessThan(300);

		assertThat(TenantContext.callAs(tenantId, () -> activity.replied(message, maria, "done ✅"))).isEmpty();
		assertThat(TenantContext.callAs(tenantId, () -> activity.reacted(message, maria, "✅"))).isEmpty();
		assertThat(api.read(api.get("/api/v1/tasks/" + task.id(), tenant.token(Role.TENANT_ADMIN))).get("status").asString())
			.isNotEqualTo("DONE");
	}
}

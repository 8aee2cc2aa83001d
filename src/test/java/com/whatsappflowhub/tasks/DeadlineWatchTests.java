package com.whatsappflowhub.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.StaffNotificationRequested;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@RecordApplicationEvents
class DeadlineWatchTests {

	@Autowired
	Api api;

	@Autowired
	MutableClock clock;

	@Autowired
	DeadlineWatch watch;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void remindsTheAssigneeThenFlagsOverdueThenEscalatesToTheManagerEachOnce() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		Instant due = clock.instant().plus(Duration.ofMinutes(30));
		JsonNode task = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Call the supplier", "assigneeId",
				tenant.userIds().get(Role.USER), "deadline", Map.of("at", due.toString(), "grain", "minute"))));
		String id = task.get("id").asString();

		assertThat(watch.sweep()).isTrue();
		assertThat(events.stream(TaskDueSoon.class).filter(e -> e.task().id().toString().equals(id))).hasSize(1);

		clock.advance(Duration.ofMinutes(31));
		watch.sweep();
		assertThat(events.stream(TaskOverdue.class).filter(e -> e.task().id().toString().equals(id))).hasSize(1);

		clock.advance(Duration.ofHours(4));
		watch.sweep();
		watch.sweep();
		assertThat(events.stream(TaskEscalated.class).filter(e -> e.task().id().toString().equals(id)))
			.singleElement()
			.satisfies(e -> assertThat(String.valueOf(e.manager())).isEqualTo(tenant.userIds().get(Role.MANAGER)));
		assertThat(events.stream(TaskDueSoon.class).filter(e -> e.task().id().toString().equals(id))).hasSize(1);
		assertThat(events.stream(TaskOverdue.class).filter(e -> e.task().id().toString().equals(id))).hasSize(1);

		clock.reset();
		JsonNode history = api.read(api.get("/api/v1/tasks/" + id + "/history", admin));
		assertThat(history.findValuesAsString("action")).containsExactly("created", "reminded", "overdue", "escalated");
		assertThat(history.findValuesAsString("actorType")).contains("SYSTEM");
		assertThat(api.read(api.get("/api/v1/tasks/" + id, admin)).get("overdueAt").isNull()).isFalse();
	}

	@Test
	void aTaskWhoseDeadlineMovedIsRemindedAgainWithANoticeOfItsOwn() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		Instant due = clock.instant().plus(Duration.ofMinutes(30));
		JsonNode task = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Call the supplier", "assigneeId",
				tenant.userIds().get(Role.USER), "deadline", Map.of("at", due.toString(), "grain", "minute"))));
		String id = task.get("id").asString();
		watch.sweep();

		Instant later = due.plus(Duration.ofDays(1));
		assertThat(api.call(org.springframework.http.HttpMethod.PATCH, "/api/v1/tasks/" + id, admin,
				Map.of("deadline", Map.of("at", later.toString(), "grain", "minute")))).hasStatusOk();
		clock.advance(Duration.ofDays(1));
		watch.sweep();

		assertThat(events.stream(TaskDueSoon.class).filter(e -> e.task().id().toString().equals(id))).hasSize(2);
		assertThat(events.stream(StaffNotificationRequested.class)
			.filter(notice -> notice.key().startsWith("remind:" + id))
			.map(StaffNotificationRequested::key)
			.distinct()).hasSize(2); // one per deadline: the first one's key does not swallow the second
	}

	@Test
	void aCompletedTaskIsNeitherOverdueNorEscalated() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		JsonNode task = api.read(api.post("/api/v1/tasks", admin, Map.of("title", "Done in time", "deadline",
				Map.of("at", clock.instant().plus(Duration.ofMinutes(5)).toString()))));
		String id = task.get("id").asString();
		assertThat(api.post("/api/v1/tasks/" + id + "/complete", admin, null)).hasStatusOk();

		clock.advance(Duration.ofHours(6));
		watch.sweep();
		assertThat(events.stream(TaskOverdue.class).filter(e -> e.task().id().toString().equals(id))).isEmpty();
		assertThat(events.stream(TaskEscalated.class).filter(e -> e.task().id().toString().equals(id))).isEmpty();
	}
}

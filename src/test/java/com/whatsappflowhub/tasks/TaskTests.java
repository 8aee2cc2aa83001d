package com.whatsappflowhub.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskTests {

	static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	static final Actor MARIA = Actor.user(UUID.randomUUID());

	static Task newTask(String title, Double confidence) {
		return Task.create(new TenantId(UUID.randomUUID()),
				new Task.Draft(title, null, Priority.MEDIUM, null, null,
						new Deadline(NOW.plusSeconds(3600), "hour"), confidence, List.of(), List.of(" b ", "a", "a"), null,
						null, null, null, false),
				MARIA, NOW);
	}

	@Test
	void aNewTaskIsOpenRecordsItsCreationAndPublishesTaskCreated() {
		Task task = newTask("Send the Acme invoice", 0.93);
		assertThat(task.view().status()).isEqualTo(TaskStatus.OPEN);
		assertThat(task.view().labels()).containsExactly("a", "b");
		assertThat(task.history()).extracting(Task.HistoryEntry::action).containsExactly("created");
		assertThat(task.events()).hasSize(1).first().isInstanceOf(TaskCreated.class);
	}

	@Test
	void enforcesTheDataQualityRules() {
		assertThatThrownBy(() -> newTask("   ", 0.5)).isInstanceOf(InvalidTask.class).hasMessageContaining("title");
		assertThatThrownBy(() -> newTask("ok", 1.2)).isInstanceOf(InvalidTask.class).hasMessageContaining("confidence");
		assertThatThrownBy(() -> newTask("ok", -0.1)).isInstanceOf(InvalidTask.class);
		assertThatThrownBy(() -> Priority.of("critical")).isInstanceOf(InvalidTask.class).hasMessageContaining("priority");
		assertThat(Priority.of("URGENT")).isEqualTo(Priority.URGENT);
	}

	@Test
	void followsTheLifecycleAndRefusesStepsItsStatusDoesNotAllow() {
		Task task = newTask("Fix the door", null);
		task.start(MARIA, NOW).block(MARIA, NOW, "waiting for parts").start(MARIA, NOW).complete(MARIA, NOW);
		assertThat(task.view().status()).isEqualTo(TaskStatus.DONE);
		assertThat(task.view().completedAt()).isEqualTo(NOW);
		assertThatThrownBy(() -> task.start(MARIA, NOW)).isInstanceOf(TransitionNotAllowed.class);
		assertThatThrownBy(() -> task.cancel(MARIA, NOW, null)).isInstanceOf(TransitionNotAllowed.class);
		task.reopen(MARIA, NOW, "not fixed after all");
		assertThat(task.view().status()).isEqualTo(TaskStatus.OPEN);
		assertThat(task.view().completedAt()).isNull();
		assertThat(task.history()).extracting(Task.HistoryEntry::action)
			.containsExactly("created", "start", "block", "start", "complete", "reopen");
		assertThat(task.events()).hasAtLeastOneElementOfType(TaskCompleted.class);
	}

	@Test
	void becomesOverdueOnceWhenItsDeadlinePasses() {
		Task task = newTask("Call back", null);
		task.markOverdue(NOW);
		assertThat(task.view().overdueAt()).isNull();
		task.markOverdue(NOW.plusSeconds(7200)).markOverdue(NOW.plusSeconds(9000));
		assertThat(task.view().overdueAt()).isEqualTo(NOW.plusSeconds(7200));
		assertThat(task.events()).filteredOn(TaskOverdue.class::isInstance).hasSize(1);
	}

	@Test
	void assigningTheSamePersonAgainChangesNothing() {
		Task task = newTask("Quote", null);
		UserId john = new UserId(UUID.randomUUID());
		task.assignTo(john, null, MARIA, NOW).assignTo(john, null, MARIA, NOW);
		assertThat(task.events()).filteredOn(TaskAssigned.class::isInstance).hasSize(1);
		assertThat(task.view().assigneeId()).isEqualTo(john);
	}
}

package com.whatsappflowhub.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.extraction.MessageAnalysis;
import com.whatsappflowhub.identity.tenant.TenantManagement;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pipeline step that crashed after doing its work but before its publication was marked complete is
 * recorded again (a republished event, a replayed dead letter) and must not create a second task; work whose
 * worker died is taken again when its lease ends.
 */
@IntegrationTest
class ResubmissionTests {

	@Autowired
	MessageAnalysis analysis;

	@Autowired
	TenantManagement tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void anIntakeDoneBeforeButRecordedAgainCreatesNoSecondTask() {
		TenantId demo = tenants.findBySlug("test", "demo").orElseThrow().id();
		UUID message = UUID.randomUUID();
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		TenantContext.runAs(demo, () -> transactions.executeWithoutResult(status -> analysis.analyse(
				new MessageAnalysis.Incoming(message, UUID.randomUUID(), "@Maria can you send the Acme invoice by Friday 5pm?",
						Instant.now(), null, "Globex", List.of()))));

		await().atMost(Duration.ofSeconds(10)).until(() -> tasksFrom(demo, message), n -> n == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(demo, message), n -> n == 0);

		// the stage's work was done; say a replica recorded the same work again (a republished event, a replayed
		// dead letter): the intake runs a second time and must not make a second task
		TenantContext.runAs(demo, () -> transactions.executeWithoutResult(status -> analysis.analyse(
				new MessageAnalysis.Incoming(message, UUID.randomUUID(), "@Maria can you send the Acme invoice by Friday 5pm?",
						Instant.now(), null, "Globex", List.of()))));

		await().atMost(Duration.ofSeconds(10)).until(() -> pending(demo, message) == 0);
		assertThat(tasksFrom(demo, message)).isEqualTo(1);
	}

	@Test
	void workWhoseWorkerDiedIsTakenAgainWhenItsLeaseEnds() {
		TenantId demo = tenants.findBySlug("test", "demo").orElseThrow().id();
		UUID message = UUID.randomUUID();
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		// a worker claimed it (attempt 1, leased into the future) and died: only the end of the lease frees it
		TenantContext.runAs(demo, () -> transactions.executeWithoutResult(status -> {
			analysis.analyse(new MessageAnalysis.Incoming(message, UUID.randomUUID(),
					"@Maria please call Acme about the invoice tomorrow", Instant.now(), null, "Globex", List.of()));
			jdbc.sql("""
					UPDATE work_item SET attempts = 1, available_at = now() + interval '2 seconds'
					 WHERE stage = 'tasks.intake' AND key = ?""").param(message.toString()).update();
		}));
		assertThat(tasksFrom(demo, message)).isZero();

		await().atMost(Duration.ofSeconds(15)).until(() -> tasksFrom(demo, message), n -> n == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(demo, message) == 0);
	}

	private long pending(TenantId tenant, UUID message) {
		return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactionManager)
			.execute(status -> jdbc.sql("SELECT count(*) FROM work_item WHERE stage = 'tasks.intake' AND key = ?")
				.param(message.toString())
				.query(Long.class)
				.single()));
	}

	private long tasksFrom(TenantId tenant, UUID message) {
		return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactionManager)
			.execute(status -> jdbc.sql("SELECT count(*) FROM task WHERE source_message_id = ?")
				.param(message)
				.query(Long.class)
				.single()));
	}
}

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
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pipeline step that crashed after doing its work but before its publication was marked complete is
 * resubmitted (as on a restart) and must not create a second task.
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
	IncompleteEventPublications incomplete;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aResubmittedAnalysisCreatesNoSecondTask() {
		TenantId demo = tenants.findBySlug("test", "demo").orElseThrow().id();
		UUID message = UUID.randomUUID();
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		TenantContext.runAs(demo, () -> transactions.executeWithoutResult(status -> analysis.analyse(
				new MessageAnalysis.Incoming(message, UUID.randomUUID(), "@Maria can you send the Acme invoice by Friday 5pm?",
						Instant.now(), null, "Globex", List.of()))));

		await().atMost(Duration.ofSeconds(10)).until(() -> tasksFrom(demo, message), n -> n == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> open(message), n -> n == 0);

		// the listener's work was done, but say it failed before the registry could mark it complete
		int reopened = jdbc.sql("""
				UPDATE event_publication SET completion_date = NULL, status = 'FAILED'
				WHERE serialized_event LIKE ? AND listener_id LIKE '%AnalyzedMessages%'""")
			.param("%" + message + "%")
			.update();
		assertThat(reopened).isEqualTo(1);

		incomplete.resubmitIncompletePublications(publication -> publication.getEvent().toString().contains(message.toString()));

		await().atMost(Duration.ofSeconds(10)).until(() -> open(message) == 0);
		assertThat(tasksFrom(demo, message)).isEqualTo(1);
	}

	private long open(UUID message) {
		return jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE completion_date IS NULL AND listener_id LIKE '%AnalyzedMessages%' AND serialized_event LIKE ?""")
			.param("%" + message + "%")
			.query(Long.class)
			.single();
	}

	private long tasksFrom(TenantId tenant, UUID message) {
		return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactionManager)
			.execute(status -> jdbc.sql("SELECT count(*) FROM task WHERE source_message_id = ?")
				.param(message)
				.query(Long.class)
				.single()));
	}
}

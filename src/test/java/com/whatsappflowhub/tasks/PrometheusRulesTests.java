package com.whatsappflowhub.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert rules in {@code ops/prometheus/alerts.yml} speak of metrics the service really exports: every metric
 * name in their expressions is in {@code /actuator/prometheus} (promtool checks the rules' syntax and behaviour in
 * CI; this checks that they watch something).
 */
@IntegrationTest
class PrometheusRulesTests {

	private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b");

	private static final Set<String> PROMQL = Set.of("histogram_quantile", "humanize_duration");

	@Autowired
	Api api;

	@Autowired
	TaskIntake intake;

	@Autowired
	ExtractionAccuracy accuracy;

	@Test
	void everyMetricTheAlertRulesWatchIsExported() throws IOException {
		// an AI task that a person confirmed, so the accuracy ratio has a value
		Api.TenantFixture tenant = api.newTenant();
		UUID message = UUID.randomUUID();
		TaskView task = TenantContext.callAs(TenantId.of(tenant.tenantId()), () -> intake.intake(
				new TaskIntake.AnalyzedMessage(message, UUID.randomUUID(), null, "customer", "Acme Ltd",
						"could someone check the gate", "en", true, 0.5, "embedded/test",
						List.of(new TaskIntake.Proposed("Check the gate", null, Priority.LOW, null, null, 0.5, List.of())))))
			.get(0);
		assertThat(api.post("/api/v1/tasks/" + task.id() + "/confirm", tenant.token(Role.TENANT_ADMIN), null)).hasStatusOk();
		accuracy.refresh();

		Set<String> watched = watchedMetrics(Files.readString(Path.of("ops/prometheus/alerts.yml")));
		assertThat(watched).contains("message_processing_duration_seconds_bucket", "task_extraction_accuracy_ratio",
				"integration_sync_failures_total", "database_connections_active", "flowhub_work_backlog");
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			String scrape = api.mvc().get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();
			for (String metric : watched) {
				assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
			}
		});
	}

	private static Set<String> watchedMetrics(String rules) {
		Set<String> names = new TreeSet<>();
		for (String line : rules.lines().toList()) {
			String trimmed = line.trim();
			if (!(trimmed.startsWith("expr:") || trimmed.startsWith("histogram_quantile") || trimmed.startsWith("max ")
					|| trimmed.startsWith("and "))) {
				continue;
			}
			Matcher metric = METRIC.matcher(trimmed.replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "")
				.replaceAll("\\b(by|without) \\([^)]*\\)", ""));
			while (metric.find()) {
				String name = metric.group(1);
				if (!PROMQL.contains(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}
}

package com.whatsappflowhub.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.whatsappflowhub.platform.CrossTenant;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code task_extraction_accuracy_ratio{tenant}}: of the AI's tasks of the last 30 days that a person decided on, the
 * share they took as the AI made them (confirmed, started, done, taken on WhatsApp) rather than corrected (a field or
 * the assignee changed by a user) or rejected (cancelled by a user). Read once a minute through the audited
 * cross-tenant path; a tenant with no decided task has no value.
 */
@Component
class ExtractionAccuracy {

	private final CrossTenant crossTenant;

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private final Map<UUID, Double> ratios = new ConcurrentHashMap<>();

	ExtractionAccuracy(CrossTenant crossTenant, JdbcClient jdbc, MeterRegistry meters) {
		this.crossTenant = crossTenant;
		this.jdbc = jdbc;
		this.meters = meters;
	}

	private record Decided(UUID tenant, long decided, long kept) {
	}

	@Scheduled(fixedDelayString = "${flowhub.tasks.accuracy-interval:60s}", initialDelayString = "${flowhub.tasks.accuracy-interval:60s}")
	void refresh() {
		List<Decided> rows = crossTenant.call("extraction-accuracy-metric", "system:metrics", () -> jdbc.sql("""
				WITH ai AS (
				  SELECT t.id, t.tenant_id FROM task t
				   WHERE t.created_at > now() - interval '30 days'
				     AND EXISTS (SELECT 1 FROM task_history h
				                  WHERE h.task_id = t.id AND h.action = 'created' AND h.actor_type = 'AI')),
				judged AS (
				  SELECT ai.tenant_id,
				         bool_or(h.actor_type IN ('USER', 'WHATSAPP')) AS decided,
				         bool_or(h.actor_type = 'USER' AND h.action IN ('updated', 'assigned', 'cancel')) AS changed
				    FROM ai JOIN task_history h ON h.task_id = ai.id
				   GROUP BY ai.tenant_id, ai.id)
				SELECT tenant_id, count(*) FILTER (WHERE decided) AS decided,
				       count(*) FILTER (WHERE decided AND NOT changed) AS kept
				  FROM judged GROUP BY tenant_id""")
			.query((rs, n) -> new Decided(rs.getObject("tenant_id", UUID.class), rs.getLong("decided"), rs.getLong("kept")))
			.list());
		for (Decided row : rows) {
			if (row.decided() == 0) {
				continue;
			}
			if (ratios.put(row.tenant(), (double) row.kept() / row.decided()) == null) {
				Gauge.builder("task.extraction.accuracy.ratio", ratios, r -> r.getOrDefault(row.tenant(), Double.NaN))
					.description("Share of the AI's tasks that people kept as made rather than corrected or rejected")
					.tag("tenant", row.tenant().toString())
					.register(meters);
			}
		}
	}
}

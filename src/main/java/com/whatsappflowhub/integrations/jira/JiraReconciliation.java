package com.whatsappflowhub.integrations.jira;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Optional;

import com.whatsappflowhub.integrations.Connection;
import com.whatsappflowhub.integrations.ConnectionManagement;
import com.whatsappflowhub.integrations.ConnectorFailure;
import com.whatsappflowhub.integrations.Inbound;
import com.whatsappflowhub.integrations.IntegrationSettings;
import com.whatsappflowhub.integrations.SyncLog;
import com.whatsappflowhub.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Catches what Jira's webhooks missed (Jira gives up on a receiver after a few tries, a webhook may not be
 * registered at all): every {@code flowhub.integrations.reconcile-every}, each Jira connection whose turn it is (one
 * replica takes it) asks for the issues of our label updated since its last pass, a few minutes of overlap included
 * ({@code updated >= -Nm}: relative, so the Jira user's time zone does not matter), and applies their state to tasks
 * that have no change of ours on the way.
 */
@Component
class JiraReconciliation {

	private static final Logger log = LoggerFactory.getLogger(JiraReconciliation.class);

	private static final Duration OVERLAP = Duration.ofMinutes(5);

	/** Jira's {@code updated}: {@code 2019-05-24T16:24:56.830+0000}. */
	private static final DateTimeFormatter JIRA_TIME = new DateTimeFormatterBuilder()
		.appendPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
		.appendOffset("+HHMM", "+0000")
		.toFormatter();

	private final JiraConnector jira;

	private final Inbound inbound;

	private final SyncLog syncLog;

	private final ConnectionManagement connections;

	private final IntegrationSettings settings;

	private final Clock clock;

	JiraReconciliation(JiraConnector jira, Inbound inbound, SyncLog syncLog, ConnectionManagement connections,
			IntegrationSettings settings, Clock clock) {
		this.jira = jira;
		this.inbound = inbound;
		this.syncLog = syncLog;
		this.connections = connections;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${flowhub.integrations.reconcile-every:5m}",
			initialDelayString = "${flowhub.integrations.reconcile-every:5m}")
	void scheduled() {
		try {
			reconcileAll();
		}
		catch (RuntimeException ex) {
			log.error("Jira reconciliation failed; it runs again at the next interval", ex);
		}
	}

	/** @return issues whose state was applied */
	int reconcileAll() {
		int applied = 0;
		for (Connection connection : connections.everyEnabled(JiraConnector.TYPE)) {
			applied += TenantContext.callAs(connection.tenantId(), () -> reconcile(connection));
		}
		return applied;
	}

	private int reconcile(Connection connection) {
		Optional<Instant> since = connections.reconciliationTurn(connection, settings.reconcileEvery().minusSeconds(1));
		if (since.isEmpty()) {
			return 0;
		}
		Instant start = clock.instant();
		long minutes = Math.max(1, Duration.between(since.get().minus(OVERLAP), start).toMinutes() + 1);
		try {
			List<JsonNode> issues = jira.updatedSince(connection, "-" + minutes + "m");
			int applied = 0;
			for (JsonNode issue : issues) {
				String key = issue.path("key").asString("");
				String updated = issue.path("fields").path("updated").asString("");
				Instant updatedAt = updated.isEmpty() ? start : OffsetDateTime.parse(updated, JIRA_TIME).toInstant();
				if (inbound.reconcile(connection, key, updatedAt,
						jira.state(connection, issue, "reconciliation")) == Inbound.Result.APPLIED) {
					applied++;
				}
			}
			syncLog.record(connection.id(), null, SyncLog.Direction.INBOUND, "reconcile", SyncLog.Outcome.OK,
					Duration.between(start, clock.instant()), null,
					issues.size() + " issues updated, " + applied + " applied", clock.instant());
			return applied;
		}
		catch (ConnectorFailure ex) {
			syncLog.record(connection.id(), null, SyncLog.Direction.INBOUND, "reconcile",
					ex.permanent() ? SyncLog.Outcome.FAILED : SyncLog.Outcome.RETRY,
					Duration.between(start, clock.instant()), ex.status(), ex.getMessage(), clock.instant());
			return 0;
		}
	}
}

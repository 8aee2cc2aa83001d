package com.whatsappflowhub.integrations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.whatsappflowhub.platform.CrossTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the sync log and the record of applied inbound events for 30 days (tools retry webhooks for hours, not
 * weeks). Two cheap deletes an hour; running on several replicas at once is harmless.
 */
@Component
class LogRetention {

	private static final Logger log = LoggerFactory.getLogger(LogRetention.class);

	static final Duration KEEP = Duration.ofDays(30);

	private final CrossTenant crossTenant;

	private final SyncLog syncLog;

	private final JdbcClient jdbc;

	private final Clock clock;

	LogRetention(CrossTenant crossTenant, SyncLog syncLog, JdbcClient jdbc, Clock clock) {
		this.crossTenant = crossTenant;
		this.syncLog = syncLog;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void purge() {
		Instant before = clock.instant().minus(KEEP);
		try {
			int entries = crossTenant.call("integrations:retention", "log-retention", () -> syncLog.purge(before)
					+ jdbc.sql("DELETE FROM inbound_event WHERE received_at < ?").param(Timestamp.from(before)).update());
			if (entries > 0) {
				log.info("Removed {} sync log entries and inbound event records older than {}", entries, KEEP);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Purging the sync log failed; it is tried again in an hour: {}", ex.getMessage());
		}
	}
}

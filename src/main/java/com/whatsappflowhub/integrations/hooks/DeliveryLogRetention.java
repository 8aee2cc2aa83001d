package com.whatsappflowhub.integrations.hooks;

import java.sql.Timestamp;
import java.time.Clock;

import com.whatsappflowhub.platform.CrossTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log to its retention (30 days): one DELETE of older messages for every tenant, through the
 * audited cross-tenant path; their attempts go with them (foreign key). Harmless when replicas run it together.
 */
@Component
class DeliveryLogRetention {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLogRetention.class);

	private final CrossTenant crossTenant;

	private final JdbcClient jdbc;

	private final WebhookSettings settings;

	private final Clock clock;

	DeliveryLogRetention(CrossTenant crossTenant, JdbcClient jdbc, WebhookSettings settings, Clock clock) {
		this.crossTenant = crossTenant;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${flowhub.integrations.webhooks.purge-interval:1h}", initialDelayString = "5m")
	void scheduled() {
		try {
			purge();
		}
		catch (RuntimeException ex) {
			log.error("Purging the webhook delivery log failed; it runs again at the next interval", ex);
		}
	}

	/** @return how many messages were removed */
	int purge() {
		Timestamp before = Timestamp.from(clock.instant().minus(settings.retention()));
		int removed = crossTenant.call("webhook-log-retention", "webhook-log-retention",
				() -> jdbc.sql("DELETE FROM webhook_delivery WHERE created_at < ?").param(before).update());
		if (removed > 0) {
			log.info("Removed {} webhook messages older than {} from the delivery log", removed, settings.retention());
		}
		return removed;
	}
}

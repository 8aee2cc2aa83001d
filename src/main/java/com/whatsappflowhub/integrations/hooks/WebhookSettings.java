package com.whatsappflowhub.integrations.hooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowPrivateTargets accept {@code http} and hosts on private, loopback and link-local addresses (tests and
 * demo mode; never in production)
 * @param connectTimeout how long a call may take to connect
 * @param readTimeout how long a call may wait for the answer once connected
 * @param rotationOverlap how long the previous secret still signs after a rotation
 * @param retention how long messages and their attempts are kept in the delivery log
 * @param purgeInterval how often the log is purged of what is older than {@code retention}
 * @param subscriptionCache how long a replica trusts what it read of a tenant's endpoints (changes on this replica
 * apply at once, on the others within this time)
 * @param maxEndpoints endpoints per tenant
 */
@ConfigurationProperties("flowhub.integrations.webhooks")
record WebhookSettings(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout, @DefaultValue("24h") Duration rotationOverlap,
		@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration purgeInterval,
		@DefaultValue("30s") Duration subscriptionCache, @DefaultValue("20") int maxEndpoints) {
}

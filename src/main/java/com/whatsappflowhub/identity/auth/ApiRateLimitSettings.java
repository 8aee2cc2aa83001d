package com.whatsappflowhub.identity.auth;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Default request budget of the API ({@code flowhub.api.rate-limit.*}), per tenant and per API key; a tenant's
 * settings document overrides it ({@code {"api": {"rateLimit": {"perMinute": .., "perHour": .., "keyPerMinute": ..,
 * "keyPerHour": ..}}}}).
 *
 * @param perMinute requests a tenant (all its users and keys together) may make per minute
 * @param perHour requests a tenant may make per hour
 * @param maxTracked buckets kept in memory at most (least recently used ones go first)
 * @param settingsRefresh how long a tenant's own limits are trusted before they are read again
 */
@ConfigurationProperties("flowhub.api.rate-limit")
@Validated
record ApiRateLimitSettings(@DefaultValue("100") @Min(1) long perMinute, @DefaultValue("1000") @Min(1) long perHour,
		@DefaultValue("100000") @Min(100) long maxTracked, @DefaultValue("30s") Duration settingsRefresh) {
}

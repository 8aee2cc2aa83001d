package com.whatsappflowhub.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the WhatsApp channel ({@code flowhub.whatsapp.*}).
 *
 * @param baseUrl the Graph API host; tests point it at a local server
 * @param apiVersion the Graph API version in the path
 * @param userAgent sent on every request; must match the contract's pattern {@code name/1.2.3[;key=value]}
 * @param connectTimeout time to open a connection
 * @param readTimeout time to wait for an answer
 * @param retry backoff for rate-limited sends
 * @param mediaHosts hosts media download URLs may point to (the bearer token is sent there)
 * @param appSecret the platform's Meta app secret (webhook signatures); blank: a dev-only value, with a warning
 * @param verifyToken the platform's webhook verify token; blank: a dev-only value, with a warning
 * @param demoPhoneNumberId the phone_number_id registered for the demo tenant
 * @param webhook limits of the webhook endpoint
 * @param media download retries of inbound media
 * @param routingRefresh how long the phone-number-to-tenant map is trusted before it is read again
 */
@ConfigurationProperties("flowhub.whatsapp")
@Validated
record WhatsAppProperties(@DefaultValue("https://graph.facebook.com") URI baseUrl,
		@DefaultValue("v23.0") @Pattern(regexp = "v\\d+\\.\\d+") String apiVersion,
		@DefaultValue("WhatsAppFlowHub/0.1.0") @Pattern(
				regexp = "^[a-zA-Z0-9\\-_]+/[0-9]+\\.[0-9]+\\.[0-9]+(;[a-zA-Z0-9\\-=.]+)?(\\s+[a-zA-Z0-9\\-_]+/[0-9\\-.]+)?$") String userAgent,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue @Valid Retry retry, @DefaultValue("lookaside.fbsbx.com") List<String> mediaHosts,
		@DefaultValue("") String appSecret, @DefaultValue("") String verifyToken,
		@DefaultValue("demo-phone-number-id") String demoPhoneNumberId, @DefaultValue @Valid Webhook webhook,
		@DefaultValue @Valid Media media, @DefaultValue("60s") Duration routingRefresh) {

	/** Used when {@code FLOWHUB_WHATSAPP_APP_SECRET} is not set: fine on a laptop, never in production. */
	static final String DEV_APP_SECRET = "dev-only-app-secret-do-not-use-in-production";

	/** Used when {@code FLOWHUB_WHATSAPP_VERIFY_TOKEN} is not set. */
	static final String DEV_VERIFY_TOKEN = "dev-only-verify-token-do-not-use-in-production";

	/**
	 * Backoff of rate-limited sends.
	 *
	 * @param maxAttempts attempts in all, the first included
	 */
	record Retry(@DefaultValue("4") @Min(1) int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("30s") Duration maxBackoff, @DefaultValue("2.0") double multiplier) {
	}

	/** @param maxBodySize larger bodies are answered 413 without being read */
	record Webhook(@DefaultValue("1MB") DataSize maxBodySize) {
	}

	/**
	 * Media downloads.
	 *
	 * @param maxAttempts attempts before a download is marked FAILED
	 * @param initialBackoff wait after the first failed attempt, doubled after each one up to {@code maxBackoff}
	 * @param sweepInterval how often due downloads of every tenant are looked for (new ones start at once)
	 */
	record Media(@DefaultValue("8") @Min(1) int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("10m") Duration maxBackoff, @DefaultValue("30s") Duration sweepInterval) {
	}
}

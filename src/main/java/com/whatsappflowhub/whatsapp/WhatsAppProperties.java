package com.whatsappflowhub.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Graph API client ({@code flowhub.whatsapp.*}).
 *
 * @param baseUrl the Graph API host; tests point it at a local server
 * @param apiVersion the Graph API version in the path
 * @param userAgent sent on every request; must match the contract's pattern {@code name/1.2.3[;key=value]}
 * @param connectTimeout time to open a connection
 * @param readTimeout time to wait for an answer
 * @param retry backoff for rate-limited sends
 * @param mediaHosts hosts media download URLs may point to (the bearer token is sent there)
 */
@ConfigurationProperties("flowhub.whatsapp")
@Validated
record WhatsAppProperties(@DefaultValue("https://graph.facebook.com") URI baseUrl,
		@DefaultValue("v23.0") @Pattern(regexp = "v\\d+\\.\\d+") String apiVersion,
		@DefaultValue("WhatsAppFlowHub/0.1.0") @Pattern(
				regexp = "^[a-zA-Z0-9\\-_]+/[0-9]+\\.[0-9]+\\.[0-9]+(;[a-zA-Z0-9\\-=.]+)?(\\s+[a-zA-Z0-9\\-_]+/[0-9\\-.]+)?$") String userAgent,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue @Valid Retry retry, @DefaultValue("lookaside.fbsbx.com") List<String> mediaHosts) {

	/**
	 * Backoff of rate-limited sends.
	 *
	 * @param maxAttempts attempts in all, the first included
	 */
	record Retry(@DefaultValue("4") @Min(1) int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("30s") Duration maxBackoff, @DefaultValue("2.0") double multiplier) {
	}
}

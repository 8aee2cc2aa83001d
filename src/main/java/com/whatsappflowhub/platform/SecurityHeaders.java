package com.whatsappflowhub.platform;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every surface sends: no MIME sniffing, no framing, a strict referrer policy, a
 * Content-Security-Policy that allows only our own scripts and styles (the dashboard ships its libraries as
 * webjars), and HSTS for a year on requests that arrived over TLS (Spring Security writes it only then).
 */
public final class SecurityHeaders {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

	public static Customizer<HeadersConfigurer<HttpSecurity>> defaults() {
		return headers -> headers.contentTypeOptions(Customizer.withDefaults())
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
	}
}

package com.whatsappflowhub.whatsapp.webhook;

import com.whatsappflowhub.platform.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The webhook surface: no session, no CSRF, no token. The {@code X-Hub-Signature-256} check on the raw body is the
 * authentication, done by the controller before anything is parsed.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

	@Bean
	@Order(5)
	SecurityFilterChain whatsAppWebhookSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/webhooks/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.anonymous(anonymous -> anonymous.disable())
			.logout(logout -> logout.disable())
			.headers(SecurityHeaders.defaults())
			.build();
	}
}

package com.whatsappflowhub.whatsapp.demo;

import com.whatsappflowhub.platform.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The sandbox stands in for Meta's Graph API: no user token; it answers 404 unless demo mode is on. */
@Configuration(proxyBeanMethods = false)
class SandboxSecurity {

	@Bean
	@Order(6)
	SecurityFilterChain graphSandboxSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/sandbox/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(SecurityHeaders.defaults())
			.build();
	}
}

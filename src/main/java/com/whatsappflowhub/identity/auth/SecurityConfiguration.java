package com.whatsappflowhub.identity.auth;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.whatsappflowhub.platform.SecurityHeaders;
import com.whatsappflowhub.platform.SecurityProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two surfaces so far: {@code /api/**} takes bearer JWTs (ours, or an external OIDC provider's) and no
 * session; everything else is the operational surface (health, metrics, JWKS, OpenAPI) and is read-only.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * No Micrometer observation around each security filter, authentication and authorization: measured on the
	 * webhook, the per-filter observations were most of the request threads' sampled CPU (JFR, e2e bench), and nothing
	 * reads them (we export metrics, not traces). Requests are still timed by {@code http.server.requests}.
	 */
	@Bean
	org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityProblems securityProblems(JsonMapper json) {
		return new SecurityProblems(json);
	}

	/** The firewall's refusals (encoded slashes or percent signs, control characters, ...) as problems too. */
	@Bean
	org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(SecurityProblems problems) {
		return (request, response, ex) -> problems.write(request, response, org.springframework.http.HttpStatus.BAD_REQUEST,
				"request-rejected", "The request's URL or headers are not accepted.");
	}

	@Bean
	@Order(10)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> tokens,
			SecurityProblems problems, ApiKeys apiKeys, ApiRateLimit rateLimit,
			org.springframework.context.ApplicationEventPublisher events) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/refresh")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.authenticationManagerResolver(tokens)
				.bearerTokenResolver(ApiKeyFilter.jwtOnly())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable) // bearer tokens only, no cookies
			.headers(SecurityHeaders.defaults())
			.addFilterBefore(new ApiKeyFilter(apiKeys, problems), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new TenantContextFilter(), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(rateLimit, TenantContextFilter.class)
			.addFilterAfter(new EnrolmentOnlyFilter(problems, events), ApiRateLimit.class)
			.build();
	}

	@Bean
	ApiRateLimit apiRateLimit(ApiRateLimitSettings settings, com.whatsappflowhub.identity.Directory directory,
			SecurityProblems problems, java.time.Clock clock) {
		return new ApiRateLimit(settings, directory, problems, clock);
	}

	/** The rate limit runs in the API's security chain only (after authentication), not as a servlet filter. */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<ApiRateLimit> apiRateLimitNotAServletFilter(
			ApiRateLimit rateLimit) {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(rateLimit);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain operationsSecurity(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> tokens,
			SecurityProblems problems) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
						"/actuator/prometheus", "/.well-known/jwks.json", "/v3/api-docs", "/v3/api-docs/**",
						"/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.anyRequest()
				.denyAll())
			// a bearer token is optional here; a super admin's shows the health components' details (the backlog)
			.oauth2ResourceServer(resourceServer -> resourceServer.authenticationManagerResolver(tokens)
				.authenticationEntryPoint(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable) // nothing here changes state
			.headers(SecurityHeaders.defaults())
			.build();
	}

	/** Picks the token's verifier by its issuer: ours, the configured OIDC provider, or none (401). */
	@Bean
	AuthenticationManagerResolver<HttpServletRequest> tokenAuthentication(SigningKeys keys, AuthSettings settings,
			Clock clock, ExternalAccounts accounts) {
		AuthenticationManager own = manager(ownDecoder(keys, settings, clock));
		if (settings.oidc().enabled() && (settings.oidc().audience() == null || settings.oidc().audience().isBlank())) {
			throw new IllegalStateException("FLOWHUB_OIDC_AUDIENCE is not set: with FLOWHUB_OIDC_ISSUER_URI the provider's "
					+ "tokens must name our API as their audience, or a token issued for any other application would do");
		}
		Supplier<AuthenticationManager> external = SingletonSupplier.of(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.oidc().issuerUri()).build();
			decoder.setJwtValidator(
					TokenValidation.validator(settings.oidc().issuerUri(), settings.oidc().audience(), clock));
			JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
			provider.setJwtAuthenticationConverter(new ExternalTokenConverter(accounts));
			return provider::authenticate;
		});
		return new JwtIssuerAuthenticationManagerResolver(issuer -> {
			if (settings.issuer().equals(issuer)) {
				return own;
			}
			if (settings.oidc().enabled() && settings.oidc().issuerUri().equals(issuer)) {
				return external.get();
			}
			return null;
		});
	}

	static NimbusJwtDecoder ownDecoder(SigningKeys keys, AuthSettings settings, Clock clock) {
		JWKSource<SecurityContext> source = (selector, context) -> {
			List<JWK> found = selector.select(keys.verificationKeys());
			if (found.isEmpty()) {
				for (String kid : selector.getMatcher().getKeyIDs()) {
					JWK reloaded = keys.findOrReload(kid);
					if (reloaded != null) {
						return List.of(reloaded);
					}
				}
			}
			return found;
		};
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
			// claims are checked by Spring's validators below
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(TokenValidation.validator(settings.issuer(), null, clock));
		return decoder;
	}

	private static AuthenticationManager manager(NimbusJwtDecoder decoder) {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter(); // scope -> SCOPE_x
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(jwt -> {
			java.util.List<org.springframework.security.core.GrantedAuthority> all = new java.util.ArrayList<>(authorities.convert(jwt));
			all.addAll(scopes.convert(jwt));
			return all;
		});
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(converter);
		return provider::authenticate;
	}
}

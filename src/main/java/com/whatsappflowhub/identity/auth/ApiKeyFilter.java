package com.whatsappflowhub.identity.auth;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.whatsappflowhub.platform.SecurityProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts an API key as {@code X-API-Key: fh_live_...} or {@code Authorization: Bearer fh_live_...}. A valid key
 * becomes the same kind of authentication a JWT gives (role API_CLIENT, the key's scopes in {@code scope}, its tenant
 * in {@code tenant_id}, its id as {@code sub}), so every check downstream treats both alike. An invalid key is a 401.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	private final ApiKeys keys;

	private final SecurityProblems problems;

	ApiKeyFilter(ApiKeys keys, SecurityProblems problems) {
		this.keys = keys;
		this.problems = problems;
	}

	/** Bearer values that are API keys are ours; JWTs go to the resource server. */
	static BearerTokenResolver jwtOnly() {
		DefaultBearerTokenResolver jwts = new DefaultBearerTokenResolver();
		return request -> {
			String token = jwts.resolve(request);
			return token != null && token.startsWith(ApiKeys.PREFIX) ? null : token;
		};
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = presented(request);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		var caller = keys.authenticate(key.trim());
		if (caller.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "The API key is not valid.");
			return;
		}
		Instant now = Instant.now();
		Jwt jwt = Jwt.withTokenValue("api-key")
			.header("alg", "none")
			.subject(caller.get().keyId().toString())
			.claim(TokenValidation.TENANT_ID, caller.get().tenant().toString())
			.claim("roles", List.of("API_CLIENT"))
			.claim("scope", String.join(" ", caller.get().scopes().stream().sorted().toList()))
			.claim("api_key", true)
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.build();
		List<org.springframework.security.core.GrantedAuthority> authorities = new java.util.ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_API_CLIENT"));
		caller.get().scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		var authentication = new JwtAuthenticationToken(jwt, authorities, caller.get().keyId().toString());
		SecurityContextHolder.getContext().setAuthentication(authentication);
		chain.doFilter(request, response);
	}

	private static @Nullable String presented(HttpServletRequest request) {
		String header = request.getHeader(HEADER);
		if (header != null && !header.isBlank()) {
			return header;
		}
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				&& authorization.substring(7).trim().startsWith(ApiKeys.PREFIX)) {
			return authorization.substring(7).trim();
		}
		return null;
	}
}

package com.whatsappflowhub.identity.auth;

import java.io.IOException;
import java.util.Set;

import com.whatsappflowhub.platform.AccessDenied;
import com.whatsappflowhub.platform.SecurityProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An enrolment-only token (a user whose tenant requires a second factor and who has none yet) opens the two
 * enrolment operations and nothing else: every other API request with it is a 403 problem ({@code mfa-enrolment-only})
 * and an {@code access.denied} row of the audit trail. It carries no roles either, so a role check would refuse it
 * too; this also closes the operations that need only a signed-in caller.
 */
class EnrolmentOnlyFilter extends OncePerRequestFilter {

	static final Set<String> OPEN = Set.of("/api/v1/auth/mfa/enroll", "/api/v1/auth/mfa/confirm");

	private final SecurityProblems problems;

	private final ApplicationEventPublisher events;

	EnrolmentOnlyFilter(SecurityProblems problems, ApplicationEventPublisher events) {
		this.problems = problems;
		this.events = events;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (enrolmentOnly() && !("POST".equals(request.getMethod())
				&& OPEN.contains(request.getRequestURI().substring(request.getContextPath().length())))) {
			events.publishEvent(new AccessDenied(request.getMethod() + " " + request.getRequestURI(), "enrolment-only token"));
			problems.write(request, response, HttpStatus.FORBIDDEN, "mfa-enrolment-only",
					"The tenant requires a second factor: this token can only enrol one (POST /api/v1/auth/mfa/enroll, "
							+ "then /api/v1/auth/mfa/confirm); then sign in again with its code.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean enrolmentOnly() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				&& Boolean.TRUE.equals(token.getToken().getClaimAsBoolean(AccessTokens.ENROLMENT_CLAIM));
	}
}

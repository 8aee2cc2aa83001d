package com.whatsappflowhub.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session that may only enrol a second factor (the tenant requires one, the user has none yet) is sent to the
 * enrolment page from every other page; signing out, the language switch and static files stay open.
 */
class EnrolmentOnlySessions extends OncePerRequestFilter {

	private static final Set<String> OPEN = Set.of("/mfa/enrol", "/logout", "/lang", "/favicon.ico", "/forbidden");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (enrolmentOnly() && !OPEN.contains(path) && !path.startsWith("/dashboard/") && !path.startsWith("/webjars/")) {
			response.sendRedirect(request.getContextPath() + "/mfa/enrol");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean enrolmentOnly() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> DashboardAuthentication.ENROLMENT_ONLY.equals(authority.getAuthority()));
	}
}

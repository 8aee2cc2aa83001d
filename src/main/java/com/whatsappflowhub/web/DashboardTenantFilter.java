package com.whatsappflowhub.web;

import java.io.IOException;

import com.whatsappflowhub.platform.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Runs a signed-in dashboard request in the tenant of its session, and clears it afterwards. */
class DashboardTenantFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof DashboardUser user)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			TenantContext.callChecked(user.tenantId(), () -> {
				chain.doFilter(request, response);
				return null;
			});
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
	}
}

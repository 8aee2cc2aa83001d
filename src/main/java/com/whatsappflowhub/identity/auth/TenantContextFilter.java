package com.whatsappflowhub.identity.auth;

import java.io.IOException;

import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the rest of an authenticated API request in the tenant context of its token's {@code tenant_id} (the
 * token validators have made sure it is there and is a UUID), and clears it afterwards.
 */
class TenantContextFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			chain.doFilter(request, response);
			return;
		}
		TenantId tenant = TenantId.of(token.getToken().getClaimAsString(TokenValidation.TENANT_ID));
		try {
			TenantContext.callChecked(tenant, () -> {
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

package com.whatsappflowhub.web;

import com.whatsappflowhub.identity.SignIn;
import com.whatsappflowhub.platform.SecurityHeaders;
import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The dashboard surface: its own pages and static files, with a session from the sign-in form (e-mail and
 * password), CSRF on every form and htmx request, and the role checks of DESIGN §7. It sits before the operations
 * surface, which denies everything it does not know; {@code /api/**} keeps its bearer-token chain.
 *
 * <p>The session cookie is {@code HttpOnly} and {@code SameSite=Lax} ({@code server.servlet.session.cookie.*}); the
 * servlet container marks it {@code Secure} on requests that arrived over TLS.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

	static final String[] PAGES = { "/", "/login", "/logout", "/tasks", "/tasks/**", "/board", "/review", "/review/**",
			"/events", "/conversations", "/conversations/**", "/rules", "/rules/**", "/analytics", "/analytics/**",
			"/admin", "/admin/**", "/connections", "/connections/**", "/forbidden", "/mfa/enrol", "/lang", "/dashboard/**", "/webjars/**", "/favicon.ico" };

	@Bean
	@Order(20)
	SecurityFilterChain dashboardFilterChain(HttpSecurity http, SignIn signIn,
			org.springframework.context.ApplicationEventPublisher events) throws Exception {
		org.springframework.security.web.access.AccessDeniedHandlerImpl forbidden = new org.springframework.security.web.access.AccessDeniedHandlerImpl();
		forbidden.setErrorPage("/forbidden");
		return http.securityMatcher(PAGES)
			.authenticationManager(new ProviderManager(new DashboardAuthentication(signIn)))
			.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/login", "/lang", "/dashboard/**", "/webjars/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/mfa/enrol")
				.hasAuthority(DashboardAuthentication.ENROLMENT_ONLY)
				.requestMatchers("/admin/tenants", "/admin/tenants/**")
				.hasRole("SUPER_ADMIN")
				.requestMatchers("/connections", "/connections/**")
				.hasAnyRole("TENANT_ADMIN", "SUPER_ADMIN", "MANAGER")
				.requestMatchers("/admin/**", "/admin", "/rules", "/rules/**")
				.hasAnyRole("TENANT_ADMIN", "SUPER_ADMIN")
				.anyRequest()
				.hasAnyRole("SUPER_ADMIN", "TENANT_ADMIN", "MANAGER", "USER", "VIEWER"))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.defaultSuccessUrl("/tasks", false)
				.authenticationDetailsSource(DashboardAuthentication.Details::of)
				.failureHandler(DashboardSecurity::signInFailed)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("FLOWHUB_SESSION"))
			.csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> {
				// the audit trail records the refusal as it does the API's
				events.publishEvent(new com.whatsappflowhub.platform.AccessDenied(
						request.getMethod() + " " + request.getRequestURI(), "dashboard role"));
				forbidden.handle(request, response, denied);
			}))
			.headers(SecurityHeaders.defaults())
			.addFilterAfter(new DashboardTenantFilter(), AnonymousAuthenticationFilter.class)
			.addFilterBefore(new EnrolmentOnlySessions(), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.build();
	}

	/** The session attribute that keeps the e-mail while the form asks for the second factor's code. */
	static final String PENDING_EMAIL = "flowhub.signIn.email";

	/**
	 * A right password for an account with a second factor leads to the form again, now asking for the code (the
	 * e-mail kept, the password typed again: it is not kept anywhere); a wrong code asks again.
	 */
	static void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		boolean codeGiven = DashboardAuthentication.Details.of(request).otp() != null;
		if (failure instanceof DashboardAuthentication.CodeRequired || codeGiven) {
			String email = request.getParameter("email");
			request.getSession().setAttribute(PENDING_EMAIL, email == null ? "" : email.trim());
			response.sendRedirect(request.getContextPath() + (codeGiven && !(failure instanceof DashboardAuthentication.CodeRequired)
					? "/login?code&error" : "/login?code"));
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?error");
	}
}

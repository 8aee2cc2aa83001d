package com.whatsappflowhub.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.ModelAndView;

/**
 * The dashboard's error page for what fails outside its controllers (a template that cannot be rendered, a
 * failure in a filter): the container's error dispatch of a dashboard page shows the dashboard's own page, which
 * says nothing of the cause, instead of the API's problem document. The API and webhooks keep theirs.
 */
@Component
class DashboardErrorViews implements ErrorViewResolver {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	@Override
	public @Nullable ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (!(uri instanceof String path) || !isDashboardPage(path.substring(request.getContextPath().length()))) {
			return null;
		}
		if (status == HttpStatus.FORBIDDEN) {
			return new ModelAndView("dashboard/forbidden", Map.of(), status);
		}
		return new ModelAndView("dashboard/error", Map.of("failed", status.is5xxServerError()), status);
	}

	static boolean isDashboardPage(String path) {
		for (String page : DashboardSecurity.PAGES) {
			if (PATHS.match(page, path)) {
				return true;
			}
		}
		return false;
	}
}

package com.whatsappflowhub.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.platform.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.springframework.security.access.AccessDeniedException;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every dashboard page knows (who is signed in, how to write times, where it is), and the dashboard's own error
 * pages: a resource that is not there or not the viewer's is 404, an action the role may not take is 403, anything
 * else a 500 page that says nothing of the cause. Ahead of the API's problem-details advice, for this package only.
 */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardModel {

	private static final Logger log = LoggerFactory.getLogger(DashboardModel.class);

	private final Directory directory;

	private final Clock clock;

	DashboardModel(Directory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	static @Nullable DashboardUser signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof DashboardUser user ? user : null;
	}

	/** The signed-in user of a page that needs one (the filter chain lets no one else through). */
	static DashboardUser required() {
		DashboardUser me = signedIn();
		if (me == null) {
			throw new AccessDeniedException("not signed in");
		}
		return me;
	}

	@ModelAttribute("me")
	@Nullable DashboardUser me() {
		return signedIn();
	}

	@ModelAttribute("fmt")
	Formats formats(Locale locale) {
		ZoneId zone = ZoneId.of("UTC");
		if (TenantContext.current().isPresent()) {
			try {
				zone = ZoneId.of(directory.settings().timezone());
			}
			catch (RuntimeException unknownZone) {
				zone = ZoneId.of("UTC");
			}
		}
		return new Formats(zone, locale, clock.instant());
	}

	@ModelAttribute("path")
	String path(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI() + (query == null ? "" : "?" + query);
	}

	@ExceptionHandler(NotFound.class)
	String notFound(HttpServletResponse response) {
		response.setStatus(404);
		return "dashboard/error";
	}

	@ExceptionHandler(AccessDeniedException.class)
	String forbidden(HttpServletResponse response) {
		response.setStatus(403);
		return "dashboard/forbidden";
	}

	@ExceptionHandler(Exception.class)
	String unexpected(Exception ex, HttpServletResponse response, org.springframework.ui.Model model) {
		log.error("Unexpected failure while rendering a dashboard page", ex);
		model.addAttribute("failed", true);
		response.setStatus(500);
		return "dashboard/error";
	}
}

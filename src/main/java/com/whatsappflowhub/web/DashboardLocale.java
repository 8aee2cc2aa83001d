package com.whatsappflowhub.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.platform.TenantContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The dashboard speaks English, Spanish and Portuguese: the language the person picked (a cookie), else the tenant's
 * locale, else the browser's best match, else English.
 */
@Configuration(proxyBeanMethods = false)
class DashboardLocale {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"));

	static final String COOKIE = "flowhub_lang";

	@Bean
	LocaleResolver localeResolver(Directory directory) {
		return new LocaleResolver() {

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				Locale picked = supported(cookie(request));
				if (picked != null) {
					return picked;
				}
				if (TenantContext.current().isPresent() && !request.getRequestURI().startsWith("/api/")) {
					Locale tenant = supported(directory.settings().locale());
					if (tenant != null) {
						return tenant;
					}
				}
				String header = request.getHeader("Accept-Language");
				if (header != null && !header.isBlank()) {
					try {
						Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
						if (match != null) {
							return match;
						}
					}
					catch (IllegalArgumentException malformed) {
						// fall through to English
					}
				}
				return Locale.ENGLISH;
			}

			@Override
			public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
					@Nullable Locale locale) {
				throw new UnsupportedOperationException("the language is picked at /lang");
			}
		};
	}

	static @Nullable Locale supported(@Nullable String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
	}

	private static @Nullable String cookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/** Picks the language, then goes back to where the person was (on this site only). */
	@Controller
	static class LanguagePicker {

		@GetMapping("/lang")
		String pick(@RequestParam String to, @RequestParam(defaultValue = "/") String back, HttpServletResponse response) {
			Locale locale = supported(to);
			if (locale != null) {
				Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
				cookie.setPath("/");
				cookie.setHttpOnly(true);
				cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
				cookie.setAttribute("SameSite", "Lax");
				response.addCookie(cookie);
			}
			boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
			return "redirect:" + (local ? back : "/");
		}
	}
}

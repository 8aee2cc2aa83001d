package com.whatsappflowhub.platform.internal.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.whatsappflowhub.platform.ApiDeprecation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@code Deprecation}, {@code Sunset} and {@code Link: rel="deprecation"} on every response of an operation
 * annotated {@link ApiDeprecation}, errors included (they are set before the handler runs).
 */
@Configuration(proxyBeanMethods = false)
class DeprecationHeaders implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		ApiDeprecation deprecation = handler instanceof HandlerMethod method ? of(method) : null;
		if (deprecation != null) {
			response.setHeader("Deprecation", "@" + epochSeconds(deprecation.since()));
			response.setHeader("Sunset", httpDate(deprecation.sunset()));
			if (!deprecation.link().isEmpty()) {
				response.addHeader("Link", "<" + deprecation.link() + ">; rel=\"deprecation\"");
			}
		}
		return true;
	}

	static @Nullable ApiDeprecation of(HandlerMethod handler) {
		ApiDeprecation deprecation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ApiDeprecation.class);
		return deprecation != null ? deprecation
				: AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ApiDeprecation.class);
	}

	static long epochSeconds(String day) {
		return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
	}

	static String httpDate(String day) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC));
	}
}

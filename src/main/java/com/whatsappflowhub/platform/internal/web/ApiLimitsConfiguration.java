package com.whatsappflowhub.platform.internal.web;

import com.whatsappflowhub.platform.SecurityProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ApiLimitsConfiguration {

	/** Before Spring Security's filters: an oversized body costs no token check. */
	@Bean
	FilterRegistrationBean<ApiBodyLimit> apiBodyLimit(@Value("${flowhub.api.max-body-size:1MB}") DataSize limit,
			SecurityProblems problems) {
		FilterRegistrationBean<ApiBodyLimit> registration = new FilterRegistrationBean<>(
				new ApiBodyLimit(limit.toBytes(), problems));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}
}

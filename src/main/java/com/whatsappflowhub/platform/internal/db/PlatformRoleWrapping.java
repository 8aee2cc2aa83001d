package com.whatsappflowhub.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Wraps Boot's pool of the application role into {@link PlatformRoleDataSource}. Outside the embedded default
 * the operator creates the platform role ({@code FLOWHUB_DB_PLATFORM_USERNAME}); without it the service does
 * not start, because the cross-tenant path (sign-in, webhook routing) would not work.
 */
class PlatformRoleWrapping implements BeanPostProcessor {

	static final String USERNAME = "flowhub.db.platform-username";

	static final String PASSWORD = "flowhub.db.platform-password";

	private final Environment environment;

	PlatformRoleWrapping(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof HikariDataSource hikari) || !"dataSource".equals(beanName)) {
			return bean;
		}
		String user = environment.getProperty(USERNAME, "");
		if (user.isBlank()) {
			throw new IllegalStateException("FLOWHUB_DB_PLATFORM_USERNAME is not set: the cross-tenant path needs its own "
					+ "database role (LOGIN, NOBYPASSRLS, a member of the application role; see the README's "
					+ "\"An external PostgreSQL\")");
		}
		if (user.equals(hikari.getUsername())) {
			throw new IllegalStateException("FLOWHUB_DB_PLATFORM_USERNAME must name a role other than the application's ("
					+ user + ")");
		}
		return new PlatformRoleDataSource(hikari, user, environment.getProperty(PASSWORD, ""));
	}
}

package com.whatsappflowhub.platform.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's one {@link DataSource}: connections come from the application role's pool, except inside
 * {@link CrossTenantAccess}, where they come from a small pool of the platform role. Row-level security lets
 * rows of every tenant through only when {@code app.cross_tenant} is on <em>and</em> the current role is one
 * the application role cannot become ({@code flowhub_cross_tenant()} in {@code __root/V100}): the setting alone,
 * which any SQL the application runs could set, opens nothing. The platform role is a separate login that is a
 * member of the application role (so it has its privileges) while the application role is not a member of it.
 */
class PlatformRoleDataSource extends DelegatingDataSource implements DisposableBean {

	private final HikariDataSource platform;

	PlatformRoleDataSource(HikariDataSource application, String platformUser, String platformPassword) {
		super(application);
		HikariConfig config = new HikariConfig();
		config.setPoolName("flowhub-platform");
		config.setJdbcUrl(application.getJdbcUrl());
		config.setDriverClassName(application.getDriverClassName());
		config.setUsername(platformUser);
		config.setPassword(platformPassword);
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		this.platform = new HikariDataSource(config);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return TenantAwareTransactionManager.inCrossTenantPath() ? platform.getConnection() : super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLException("Connections are opened with the configured roles only");
	}

	/** Boot's Flyway, health and pool metrics look through to the application pool. */
	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(getTargetDataSource())) {
			return (T) getTargetDataSource();
		}
		return super.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(getTargetDataSource()) || super.isWrapperFor(type);
	}

	@Override
	public void destroy() {
		platform.close();
		((HikariDataSource) obtainTargetDataSource()).close();
	}
}

package com.whatsappflowhub.platform.internal.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	static PlatformRoleWrapping platformRoleWrapping(org.springframework.core.env.Environment environment) {
		return new PlatformRoleWrapping(environment);
	}

	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		TenantAwareTransactionManager manager = new TenantAwareTransactionManager(dataSource);
		customizers.ifAvailable(c -> c.customize(manager));
		return manager;
	}

	/** The seed's connection gauges, exported as {@code database_connections_active} and {@code _max}. */
	@Bean
	MeterBinder databaseConnectionGauges(DataSource dataSource) {
		return registry -> {
			HikariDataSource hikari = unwrap(dataSource);
			if (hikari != null) {
				Gauge.builder("database.connections.active", hikari,
						h -> h.getHikariPoolMXBean() == null ? 0 : h.getHikariPoolMXBean().getActiveConnections())
					.description("Connections in use")
					.register(registry);
				Gauge.builder("database.connections.max", hikari, HikariDataSource::getMaximumPoolSize)
					.description("Maximum size of the connection pool")
					.register(registry);
			}
		};
	}

	private static @org.jspecify.annotations.Nullable HikariDataSource unwrap(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
		}
		catch (java.sql.SQLException ex) {
			return null;
		}
	}
}

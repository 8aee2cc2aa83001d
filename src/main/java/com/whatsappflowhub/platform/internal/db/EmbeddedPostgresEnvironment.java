package com.whatsappflowhub.platform.internal.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL 17 when no {@code spring.datasource.url} is configured, so that the service
 * runs with one command and nothing installed. Its data lives under {@code flowhub.data-dir}/postgres and
 * survives restarts.
 *
 * <p>As on a real deployment, migrations run as the owner of the tables ({@code flowhub_owner}) and the
 * application connects as a role that owns nothing ({@code flowhub_app}), so row-level security applies to
 * every query it makes. One server is started per data directory and JVM, and shared by every application
 * context in it (the test suite starts PostgreSQL once).
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String DATABASE = "flowhub";

	static final String OWNER_ROLE = "flowhub_owner";

	static final String APP_ROLE = "flowhub_app";

	static final String PLATFORM_ROLE = "flowhub_platform";

	private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

	private static final AtomicBoolean STOP_ON_SHUTDOWN = new AtomicBoolean();

	private final Log log;

	EmbeddedPostgresEnvironment(DeferredLogFactory logs) {
		this.log = logs.getLog(EmbeddedPostgresEnvironment.class);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")
				|| !environment.getProperty("flowhub.embedded-db.enabled", Boolean.class, true)) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty("flowhub.data-dir", "./data")).toAbsolutePath().normalize();
		int port = environment.getProperty("flowhub.embedded-db.port", Integer.class, 0);
		boolean durable = environment.getProperty("flowhub.embedded-db.durable", Boolean.class, true);
		EmbeddedPostgres server = SERVERS.computeIfAbsent(dataDir, dir -> start(dir.resolve("postgres"), port, durable));
		if (STOP_ON_SHUTDOWN.compareAndSet(false, true)) {
			// Boot runs these after every application context has closed, so no pool still talks to the server
			SpringApplication.getShutdownHandlers().add(() -> SERVERS.keySet().forEach(EmbeddedPostgresEnvironment::stop));
		}
		String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", APP_ROLE);
		properties.put("spring.datasource.password", "");
		properties.put("spring.flyway.url", url);
		properties.put("spring.flyway.user", OWNER_ROLE);
		properties.put("spring.flyway.password", "");
		properties.put(PlatformRoleWrapping.USERNAME, PLATFORM_ROLE);
		properties.put(PlatformRoleWrapping.PASSWORD, "");
		properties.put("flowhub.embedded-db.actual-port", server.getPort());
		environment.getPropertySources().addFirst(new MapPropertySource("flowhubEmbeddedPostgres", properties));
	}

	/**
	 * zonky's defaults are made for throwaway test databases ({@code fsync} and {@code synchronous_commit} off);
	 * the embedded default keeps what it acknowledged, so both are switched back on unless told otherwise.
	 */
	private EmbeddedPostgres start(Path directory, int port, boolean durable) {
		try {
			Files.createDirectories(directory);
			long started = System.nanoTime();
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				// our shutdown handler stops it after the application contexts have closed; zonky's own hook would
				// stop it at the same time as they close, and a closing context still needs the database
				.setRegisterShutdownHook(false)
				.setServerConfig("fsync", durable ? "on" : "off")
				.setServerConfig("synchronous_commit", durable ? "on" : "off")
				.setServerConfig("max_connections", "200")
				// the work queue's rows live for seconds: its dead rows must go every few seconds, not every minute
				.setServerConfig("autovacuum_naptime", "5s")
				.start();
			createRolesAndDatabase(server);
			log.info("Embedded PostgreSQL 17 started on port " + server.getPort() + " with data in " + directory + " ("
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms" + (durable ? "" : ", NOT durable")
					+ ")");
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	private static void createRolesAndDatabase(EmbeddedPostgres server) throws IOException {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("""
					DO $$ BEGIN
					  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s LOGIN; END IF;
					  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN
					    CREATE ROLE %2$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
					  END IF;
					  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%3$s') THEN
					    CREATE ROLE %3$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS IN ROLE %2$s;
					  END IF;
					END $$""".formatted(OWNER_ROLE, APP_ROLE, PLATFORM_ROLE));
			boolean exists;
			try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				exists = rs.next();
			}
			if (!exists) {
				statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not prepare roles and database in the embedded PostgreSQL", ex);
		}
	}

	/** Stops the server of a data directory (used on shutdown, and by the restart test). */
	static void stop(Path dataDir) {
		EmbeddedPostgres server = SERVERS.remove(dataDir.toAbsolutePath().normalize());
		if (server != null) {
			try {
				server.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}
}

package com.whatsappflowhub.platform.internal.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.whatsappflowhub.platform.ClusterSignal;
import com.whatsappflowhub.platform.ClusterSignals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ClusterSignals} over PostgreSQL {@code LISTEN/NOTIFY} on one channel: {@code pg_notify} inside the caller's
 * transaction (PostgreSQL delivers at commit), a listener thread with a connection of its own that waits for
 * notifications and republishes those of other replicas as {@link ClusterSignal} events. A broken listener
 * connection is opened again after a pause. Off unless {@code flowhub.cluster.enabled}: notifying transactions
 * serialise at commit, which one replica has no reason to pay.
 */
@Component
class PostgresClusterSignals implements ClusterSignals, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PostgresClusterSignals.class);

	static final String CHANNEL = "flowhub_cluster";

	/** This replica, so that it does not hear its own signals. */
	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Settings settings;

	private volatile boolean running;

	private volatile Thread listener;

	private volatile boolean listening;

	PostgresClusterSignals(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events, Settings settings) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.events = events;
		this.settings = settings;
	}

	/** @param enabled whether this deployment runs several replicas (then they tell each other about changes) */
	@ConfigurationProperties("flowhub.cluster")
	record Settings(@DefaultValue("false") boolean enabled, @DefaultValue("5s") Duration reconnectAfter) {
	}

	@Override
	public void send(String topic, String payload) {
		if (!settings.enabled()) {
			return;
		}
		if (topic.contains("|")) {
			throw new IllegalArgumentException("a topic has no '|': " + topic);
		}
		jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, node + "|" + topic + "|" + payload).query().singleRow();
	}

	/** Whether the listener holds its connection and is subscribed (for tests and health). */
	boolean listening() {
		return listening;
	}

	String node() {
		return node;
	}

	@Override
	public synchronized void start() {
		if (running || !settings.enabled()) {
			return;
		}
		running = true;
		listener = new Thread(this::listen, "cluster-signals");
		listener.setDaemon(true);
		listener.start();
	}

	@Override
	public synchronized void stop() {
		running = false;
		Thread thread = listener;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				listening = true;
				log.info("Listening for the other replicas' signals (node {})", node);
				while (running) {
					PGNotification[] notifications = pg.getNotifications(1_000);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							deliver(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				listening = false;
				if (!running) {
					return;
				}
				log.warn("The cluster signal listener lost its connection; again in {}: {}", settings.reconnectAfter(),
						ex.getMessage());
				try {
					Thread.sleep(settings.reconnectAfter().toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
		listening = false;
	}

	private void deliver(String raw) {
		List<String> parts = List.of(raw.split("\\|", 3));
		if (parts.size() < 3 || parts.get(0).equals(node)) {
			return;
		}
		try {
			events.publishEvent(new ClusterSignal(parts.get(1), parts.get(2)));
		}
		catch (RuntimeException ex) {
			log.warn("A listener of cluster signal {} failed: {}", parts.get(1), ex.getMessage());
		}
	}
}

package com.whatsappflowhub.platform.internal.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.platform.ClusterSignal;
import com.whatsappflowhub.platform.ClusterSignals;
import com.whatsappflowhub.whatsapp.number.NumberRouting;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas tell each other about changes through PostgreSQL NOTIFY: what another node sends is heard here as an
 * event, what this node sends is not heard by itself, a signal leaves only when its transaction commits, and a
 * number changed on another node makes this node's routing map go.
 */
@IntegrationTest
@Import(ClusterSignalsTests.Heard.class)
class ClusterSignalsTests {

	@Autowired
	PostgresClusterSignals signals;

	@Autowired
	ClusterSignals api;

	@Autowired
	Heard heard;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Environment environment;

	@Autowired
	Api fixtures;

	@TestComponent
	static class Heard {

		private final List<ClusterSignal> signals = new CopyOnWriteArrayList<>();

		@EventListener
		public void on(ClusterSignal signal) {
			signals.add(signal);
		}

		public List<ClusterSignal> signals() {
			return signals;
		}
	}

	@Test
	void anotherNodesSignalIsHeardAndOurOwnIsNot() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(signals::listening);
		String marker = Api.unique("marker");
		try (Connection other = otherNode()) {
			try (Statement statement = other.createStatement()) {
				statement.execute("SELECT pg_notify('" + PostgresClusterSignals.CHANNEL + "', 'othernode|probe|" + marker + "')");
			}
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> heard.signals().contains(new ClusterSignal("probe", marker)));

		String own = Api.unique("own");
		new TransactionTemplate(transactions).executeWithoutResult(tx -> api.send("probe", own));
		await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
		assertThat(heard.signals()).doesNotContain(new ClusterSignal("probe", own));
	}

	@Test
	void aSignalLeavesWhenItsTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
		try (Connection observer = otherNode()) {
			try (Statement statement = observer.createStatement()) {
				statement.execute("LISTEN " + PostgresClusterSignals.CHANNEL);
			}
			String kept = Api.unique("kept");
			String dropped = Api.unique("dropped");
			TransactionTemplate tx = new TransactionTemplate(transactions);
			tx.executeWithoutResult(status -> {
				api.send("probe", dropped);
				status.setRollbackOnly();
			});
			tx.executeWithoutResult(status -> api.send("probe", kept));
			List<String> received = new CopyOnWriteArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				PGNotification[] notes = observer.unwrap(PGConnection.class).getNotifications(200);
				if (notes != null) {
					for (PGNotification note : notes) {
						received.add(note.getParameter());
					}
				}
				return received.stream().anyMatch(p -> p.endsWith("|probe|" + kept));
			});
			assertThat(received).noneMatch(p -> p.contains(dropped));
			assertThat(received).allMatch(p -> p.startsWith(signals.node() + "|"));
		}
	}

	@Test
	void aNumberChangedOnAnotherNodeDropsThisNodesRoutingMap(@Autowired NumberRouting routing) throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(signals::listening);
		routing.verifyTokens(); // loads the map
		assertThat(loaded(routing)).isTrue();
		try (Connection other = otherNode(); Statement statement = other.createStatement()) {
			statement.execute("SELECT pg_notify('" + PostgresClusterSignals.CHANNEL + "', 'othernode|numbers|')");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> !loaded(routing));
	}

	@Test
	void aTaskChangedOnAnotherNodeIsAnnouncedWithItsTenantAndId() throws Exception {
		try (Connection observer = otherNode()) {
			try (Statement statement = observer.createStatement()) {
				statement.execute("LISTEN " + PostgresClusterSignals.CHANNEL);
			}
			Api.TenantFixture tenant = fixtures.newTenant();
			String id = fixtures.read(fixtures.post("/api/v1/tasks", tenant.token(com.whatsappflowhub.identity.Role.TENANT_ADMIN),
					Map.of("title", "Announce me"))).get("id").asString();
			List<String> received = new CopyOnWriteArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				PGNotification[] notes = observer.unwrap(PGConnection.class).getNotifications(200);
				if (notes != null) {
					for (PGNotification note : notes) {
						received.add(note.getParameter());
					}
				}
				return received.contains(signals.node() + "|tasks|" + tenant.tenantId() + ":" + id + ":created");
			});
		}
	}

	private static boolean loaded(NumberRouting routing) throws ReflectiveOperationException {
		var field = NumberRouting.class.getDeclaredField("snapshot");
		field.setAccessible(true);
		return field.get(org.springframework.test.util.AopTestUtils.getTargetObject(routing)) != null;
	}

	/** A connection of another replica: the same database, not our pool. */
	private Connection otherNode() throws Exception {
		String url = environment.getRequiredProperty("spring.datasource.url");
		String user = environment.getProperty("spring.datasource.username", "");
		String password = environment.getProperty("spring.datasource.password", "");
		Connection connection = DriverManager.getConnection(url, user, password);
		connection.setAutoCommit(true);
		return connection;
	}
}

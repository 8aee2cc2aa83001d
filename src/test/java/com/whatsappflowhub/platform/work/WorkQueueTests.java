package com.whatsappflowhub.platform.work;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.ScriptedWork;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable work queue and the delivery engine, with a stage and a connector whose behaviour each test scripts:
 * batches that survive one bad item, poison work that ends as a dead letter a person can replay or discard, a far end
 * that hangs holding only its own slots, permanent refusals and {@code Retry-After}.
 */
@IntegrationTest
class WorkQueueTests {

	@Autowired
	Api api;

	@Autowired
	ScriptedWork scripted;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	Api.TenantFixture tenant;

	TenantId tenantId;

	@BeforeEach
	void tenant() {
		tenant = api.newTenant();
		tenantId = TenantId.of(tenant.tenantId());
	}

	private void publish(Object... published) {
		TenantContext.runAs(tenantId, () -> new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> List.of(published).forEach(events::publishEvent)));
	}

	private String marker(String name) {
		return Api.unique(name);
	}

	@Test
	void aFailingItemIsRetriedAloneAndTheRestOfItsBatchCompletes() {
		List<String> markers = List.of(marker("a"), marker("b"), marker("c"), marker("d"));
		scripted.failures.put(markers.get(2), 1);

		publish(markers.stream().map(m -> new ScriptedWork.Job(tenantId, m)).toArray());

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> markers.forEach(m -> assertThat(scripted.handled.get(m)).as(m).isEqualTo(1)));
		assertThat(pending("test.scripted")).isZero();
	}

	@Test
	void poisonWorkBecomesADeadLetterThatItsTenantsAdminCanSeeReplayAndDiscard() {
		String poison = marker("poison");
		String other = marker("other");
		scripted.failures.put(poison, 1_000);
		scripted.failures.put(other, 1_000);
		publish(new ScriptedWork.Job(tenantId, poison), new ScriptedWork.Job(tenantId, other));
		String admin = tenant.token(Role.TENANT_ADMIN);

		await().atMost(Duration.ofSeconds(20)).until(() -> deadLetter(admin, poison) != null && deadLetter(admin, other) != null);
		JsonNode dead = deadLetter(admin, poison);
		assertThat(dead.get("attempts").asInt()).isEqualTo(3);
		assertThat(dead.get("stage").asString()).isEqualTo("test.scripted");
		assertThat(dead.get("lastError").asString()).contains("scripted failure").contains(poison);
		// three claims; a claim whose batch failed is tried once more alone, so the stage saw it 3 to 6 times
		assertThat(scripted.attemptsOf(poison)).isBetween(3, 6);
		long id = dead.get("id").asLong();
		assertThat(api.get("/api/v1/dead-letters/" + id, admin)).hasStatusOk();
		assertThat(api.get("/api/v1/dead-letters/" + id, api.newTenant().token(Role.TENANT_ADMIN))).hasStatus(404);
		assertThat(api.get("/api/v1/dead-letters", tenant.token(Role.MANAGER))).hasStatus(403);
		assertThat(api.read(api.get("/api/v1/dead-letters?stage=test.scripted&limit=1000", api.superAdminToken())).toString())
			.contains(poison);

		scripted.failures.put(poison, 0);
		assertThat(api.post("/api/v1/dead-letters/" + id + "/replay", admin, null)).hasStatus(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(1).equals(scripted.handled.get(poison)));
		assertThat(api.get("/api/v1/dead-letters/" + id, admin)).hasStatus(404);

		long otherId = deadLetter(admin, other).get("id").asLong();
		assertThat(api.call(org.springframework.http.HttpMethod.DELETE, "/api/v1/dead-letters/" + otherId, admin, null))
			.hasStatus(204);
		assertThat(api.get("/api/v1/dead-letters/" + otherId, admin)).hasStatus(404);
		assertThat(api.post("/api/v1/dead-letters/" + otherId + "/replay", admin, null)).hasStatus(404);
	}

	@Test
	void aHangingFarEndHoldsOnlyItsOwnSlotsAndTheOthersGoOn() {
		String slow = marker("slow-destination");
		String fast = marker("fast-destination");
		CountDownLatch release = new CountDownLatch(1);
		scripted.hanging.put(slow, release);
		List<String> slowCalls = List.of(marker("s1"), marker("s2"), marker("s3"), marker("s4"), marker("s5"));
		publish(slowCalls.stream().map(m -> new ScriptedWork.Call(tenantId, slow, m)).toArray());
		String quick = marker("quick");

		publish(new ScriptedWork.Call(tenantId, fast, quick));

		await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(1).equals(scripted.handled.get(quick)));
		assertThat(scripted.maxInFlight.get(slow)).isEqualTo(2); // the connector's limit per destination
		release.countDown();
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> slowCalls.forEach(m -> assertThat(scripted.handled.get(m)).as(m).isEqualTo(1)));
		assertThat(scripted.maxInFlight.get(slow)).isEqualTo(2);
	}

	@Test
	void aPermanentRefusalIsADeadLetterAtOnceAndRetryAfterIsHonoured() {
		String refused = marker("refused");
		String later = marker("later");
		scripted.outcomes.put(refused, List.of(Delivery.Outcome.failed("400 invalid project key")));
		scripted.outcomes.put(later,
				List.of(Delivery.Outcome.retryAfter("429 Too Many Requests", Duration.ofSeconds(3)), Delivery.Outcome.DONE));
		String destination = marker("destination");

		publish(new ScriptedWork.Call(tenantId, destination, refused), new ScriptedWork.Call(tenantId, destination, later));

		String admin = tenant.token(Role.TENANT_ADMIN);
		await().atMost(Duration.ofSeconds(10)).until(() -> deadLetter(admin, refused) != null);
		assertThat(deadLetter(admin, refused).get("attempts").asInt()).isEqualTo(1);
		assertThat(deadLetter(admin, refused).get("lastError").asString()).isEqualTo("400 invalid project key");
		await().atMost(Duration.ofSeconds(5)).until(() -> scripted.attemptsOf(later) == 1);
		double waits = TenantContext.callAs(tenantId, () -> new TransactionTemplate(transactionManager)
			.execute(status -> jdbc.sql("""
					SELECT extract(epoch FROM available_at - updated_at) FROM work_item
					 WHERE stage = 'test.far-end' AND payload LIKE ?""").param("%" + later + "%").query(Double.class).single()));
		assertThat(waits).isBetween(2.9, 3.1);
		await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(1).equals(scripted.handled.get(later)));
		assertThat(scripted.attemptsOf(later)).isEqualTo(2);
	}

	@Test
	void theBacklogOfEveryStageIsInTheHealthDetailsForThePlatformsOperatorsOnly() {
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			JsonNode health = api.read(api.get("/actuator/health", api.superAdminToken()));
			assertThat(health.at("/components/work/details/extraction.analysis").has("pending")).isTrue();
			assertThat(health.at("/components/work/details/whatsapp.sender-notice").has("deadLetters")).isTrue();
		});
		JsonNode anonymous = api.read(api.mvc().get().uri("/actuator/health").exchange());
		assertThat(anonymous.has("components")).isFalse();
		JsonNode tenantAdmin = api.read(api.get("/actuator/health", tenant.token(Role.TENANT_ADMIN)));
		assertThat(tenantAdmin.has("components")).isFalse();
	}

	private JsonNode deadLetter(String token, String marker) {
		for (JsonNode letter : api.read(api.get("/api/v1/dead-letters?limit=1000", token))) {
			if (letter.get("payload").asString().contains(marker)) {
				return letter;
			}
		}
		return null;
	}

	private long pending(String stage) {
		return TenantContext.callAs(tenantId, () -> new TransactionTemplate(transactionManager)
			.execute(status -> jdbc.sql("SELECT count(*) FROM work_item WHERE stage = ?")
				.param(stage)
				.query(Long.class)
				.single()));
	}
}

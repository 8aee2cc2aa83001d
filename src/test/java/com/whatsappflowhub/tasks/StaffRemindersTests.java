package com.whatsappflowhub.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.ChannelFixture;
import com.whatsappflowhub.whatsapp.LocalGraphApi;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff hear on WhatsApp when a customer's 24-hour window is about to close on their open task, once. */
@IntegrationTest
class StaffRemindersTests {

	static final Instant TUESDAY = Instant.parse("2026-12-01T15:00:00Z");

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings numberSettings;

	@Autowired
	MutableClock clock;

	@Autowired
	DeadlineWatch watch;

	LocalGraphApi graph;

	@BeforeEach
	void localGraphApi() {
		graph = new LocalGraphApi().start();
		clock.advance(Duration.between(Instant.now(), TUESDAY.plusSeconds(3600)));
	}

	@AfterEach
	void restore() {
		clock.reset();
		graph.stop();
	}

	@Test
	void theAssigneeIsWarnedOnceBeforeTheCustomersWindowCloses() {
		ChannelFixture channel = new ChannelFixture(api, jdbc, transactions, numberSettings);
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String admin = tenant.fixture().token(Role.TENANT_ADMIN);
		String mariaPhone = "1555" + (1000000 + (int) (Math.random() * 8999999));
		assertThat(api.post("/api/v1/users", admin, Map.of("email", Api.unique("maria") + "@example.com", "name",
				"Maria Lopez", "phone", "+" + mariaPhone, "roles", List.of("USER"), "password", Api.PASSWORD)))
			.hasStatus(201);
		// Maria writes to the business number, so she can be reached there
		assertThat(channel.post(ChannelFixture.textDelivery(tenant, ChannelFixture.wamid(), mariaPhone, "Maria",
				"morning all", TUESDAY.plusSeconds(1800)))).hasStatusOk();
		String customer = "4477009" + (10000 + (int) (Math.random() * 89999));
		assertThat(channel.post(ChannelFixture.textDelivery(tenant, ChannelFixture.wamid(), customer, "Acme Ltd",
				"@Maria can you send the Acme invoice by Friday 5pm?", TUESDAY))).hasStatusOk();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> api.read(api.get("/api/v1/tasks", admin)).get("items").size() == 1);

		clock.advance(Duration.ofHours(22).plusMinutes(30)); // 23.5 hours after the customer wrote
		watch.sweep();
		watch.sweep();

		List<JsonNode> toMaria = await().atMost(Duration.ofSeconds(15))
			.until(() -> graph.sentTextsTo(mariaPhone), list -> !list.isEmpty());
		assertThat(toMaria).hasSize(1);
		assertThat(toMaria.get(0).get("text").get("body").asString()).contains("24-hour").contains("invoice");
	}

}

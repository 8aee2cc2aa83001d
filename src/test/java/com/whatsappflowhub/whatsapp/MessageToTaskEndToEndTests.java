package com.whatsappflowhub.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
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

/**
 * The product's main flow through the real HTTP edges: a signed WhatsApp webhook with a customer's request,
 * stored, analysed, turned into a task for the right person with the right deadline, and the customer told on
 * WhatsApp (a local Graph API that checks Meta's contract); then the assignee's "done ✅" reply closes it.
 */
@IntegrationTest
class MessageToTaskEndToEndTests {

	/** A Tuesday afternoon; the clock is set just after it, so the 24-hour window is open. */
	static final Instant TUESDAY = Instant.parse("2026-12-01T19:00:00Z");

	final GraphApiContract contract = GraphApiContract.load();

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

	LocalGraphApi graph;

	@BeforeEach
	void localGraphApiAndTuesday() {
		graph = new LocalGraphApi().start();
		clock.advance(Duration.between(Instant.now(), TUESDAY.plusSeconds(60)));
	}

	@AfterEach
	void restore() {
		clock.reset();
		graph.stop();
	}

	@Test
	void aCustomersRequestBecomesMariasTaskAndTheCustomerIsToldThenHerReplyClosesIt() {
		ChannelFixture channel = new ChannelFixture(api, jdbc, transactions, numberSettings);
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String admin = tenant.fixture().token(Role.TENANT_ADMIN);
		String mariaPhone = "1555" + (1000000 + (int) (Math.random() * 8999999));
		MvcResultId maria = new MvcResultId(api.read(api.post("/api/v1/users", admin, Map.of("email",
				Api.unique("maria") + "@example.com", "name", "Maria Lopez", "phone", "+" + mariaPhone, "roles",
				List.of("USER"), "password", Api.PASSWORD))).get("id").asString());
		String customer = "4477009" + (10000 + (int) (Math.random() * 89999));
		String request = ChannelFixture.wamid();

		assertThat(channel.post(ChannelFixture.textDelivery(tenant, request, customer, "Acme Ltd",
				"@Maria can you send the Acme invoice by Friday 5pm?", TUESDAY))).hasStatusOk();

		JsonNode task = await().atMost(Duration.ofSeconds(15)).until(() -> {
			JsonNode items = api.read(api.get("/api/v1/tasks", admin)).get("items");
			return items.isEmpty() ? null : items.get(0);
		}, found -> found != null);
		assertThat(api.read(api.get("/api/v1/tasks", admin)).get("items")).hasSize(1);
		assertThat(task.get("assigneeId").asString()).isEqualTo(maria.id());
		assertThat(task.get("priority").asString()).isEqualTo("medium");
		// Friday 4 December, 17:00 in the tenant's zone (America/New_York)
		assertThat(Instant.parse(task.get("deadline").get("at").asString())).isEqualTo(Instant.parse("2026-12-04T22:00:00Z"));

		List<JsonNode> sent = await().atMost(Duration.ofSeconds(15)).until(graph::sentTexts, list -> !list.isEmpty());
		JsonNode confirmation = sent.get(0);
		assertThat(contract.validateMessage(confirmation)).isEmpty();
		assertThat(confirmation.get("to").asString()).isEqualTo(customer);
		assertThat(confirmation.get("text").get("body").asString()).contains("logged").contains("invoice");

		// the same delivery again changes nothing
		assertThat(channel.post(ChannelFixture.textDelivery(tenant, request, customer, "Acme Ltd",
				"@Maria can you send the Acme invoice by Friday 5pm?", TUESDAY))).hasStatusOk();

		// Maria answers the request on WhatsApp: "done ✅" as a reply to it
		String reply = ChannelFixture.text(ChannelFixture.wamid(), mariaPhone, "done ✅", TUESDAY.plusSeconds(3600))
			.replaceFirst("\\{", "{\"context\":{\"from\":\"" + customer + "\",\"id\":\"" + request + "\"},");
		assertThat(channel.post(ChannelFixture.delivery(ChannelFixture.entry(tenant.businessAccountId(),
				tenant.phoneNumberId(), reply, "", ChannelFixture.contact(mariaPhone, "Maria")))))
			.hasStatusOk();

		String id = task.get("id").asString();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> api.read(api.get("/api/v1/tasks/" + id, admin)).get("status").asString(), "DONE"::equals);
		JsonNode history = api.read(api.get("/api/v1/tasks/" + id + "/history", admin));
		assertThat(history.get(history.size() - 1).get("actorType").asString()).isEqualTo("WHATSAPP");
		assertThat(api.read(api.get("/api/v1/tasks", admin)).get("items")).hasSize(1);

		// and the customer hears that it is done
		List<JsonNode> all = await().atMost(Duration.ofSeconds(15)).until(graph::sentTexts, list -> list.size() >= 2);
		assertThat(all.get(1).get("to").asString()).isEqualTo(customer);
		assertThat(all.get(1).get("text").get("body").asString()).startsWith("Done");
		assertThat(contract.validateMessage(all.get(1))).isEmpty();
	}

	record MvcResultId(String id) {
	}

}

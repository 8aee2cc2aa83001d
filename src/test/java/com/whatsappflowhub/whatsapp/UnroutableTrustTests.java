package com.whatsappflowhub.whatsapp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.AppSecret;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static com.whatsappflowhub.whatsapp.ChannelFixture.contact;
import static com.whatsappflowhub.whatsapp.ChannelFixture.delivery;
import static com.whatsappflowhub.whatsapp.ChannelFixture.entry;
import static com.whatsappflowhub.whatsapp.ChannelFixture.text;
import static com.whatsappflowhub.whatsapp.ChannelFixture.wamid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Items parked for an unregistered number keep the trust they arrived with, and a number can park only so many. */
@IntegrationTest
class UnroutableTrustTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings settings;

	ChannelFixture channel;

	@BeforeEach
	void setUp() {
		channel = new ChannelFixture(api, jdbc, transactions, settings);
	}

	long parked(String phone) {
		return jdbc.sql("SELECT count(*) FROM whatsapp_unroutable WHERE phone_number_id = ?").param(phone).query(Long.class).single();
	}

	@Test
	void aDeliverySignedOnlyByAnotherTenantsAppIsNotStoredForTheNumberRegisteredLater() {
		ChannelFixture.Tenant attacker = channel.tenantWithNumber(Map.of("appSecret", "attackers-own-app-secret"));
		String victimPhone = "victim-" + UUID.randomUUID();
		String victimAccount = "waba-victim-" + UUID.randomUUID();
		String injected = wamid();
		String body = delivery(
				entry(attacker.businessAccountId(), attacker.phoneNumberId(), text(wamid(), "4915100000070", "hi", Instant.now()),
						"", contact("4915100000070", "Me")),
				entry(victimAccount, victimPhone, text(injected, "4915100000071", "pay to my IBAN", Instant.now()), "",
						contact("4915100000071", "Boss")));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String signature = new SignatureVerifier().sign(bytes, new AppSecret("attackers-own-app-secret"));
		assertThat(channel.post(bytes, signature)).hasStatusOk();
		assertThat(parked(victimPhone)).isEqualTo(1);

		Api.TenantFixture victim = api.newTenant();
		SharedGraphServer.holds(victimPhone, victimAccount, ChannelFixture.ACCESS_TOKEN);
		assertThat(api.post("/api/v1/whatsapp/numbers", victim.token(Role.TENANT_ADMIN), Map.of("phoneNumberId", victimPhone,
				"businessAccountId", victimAccount, "displayNumber", "+1 555 0177", "accessToken", ChannelFixture.ACCESS_TOKEN)))
			.hasStatus(201);

		await().atMost(Duration.ofSeconds(10)).until(() -> parked(victimPhone) == 0);
		assertThat(channel.count(com.whatsappflowhub.platform.TenantId.of(victim.tenantId()),
				"SELECT count(*) FROM message WHERE external_id = ?", injected)).isZero();
	}

	@Test
	void aNumberParksAtMostItsCapAndTheRestIsDropped() {
		String phone = "flooded-" + UUID.randomUUID();
		int cap = 500;
		String messages = IntStream.range(0, cap + 20)
			.mapToObj(i -> text(wamid(), "4915100000080", "m" + i, Instant.now()))
			.collect(Collectors.joining(","));
		assertThat(channel.post(delivery(entry("waba-flood", phone, messages, "", contact("4915100000080", "F"))))).hasStatusOk();
		assertThat(channel.post(delivery(entry("waba-flood", phone, text(wamid(), "4915100000080", "more", Instant.now()), "",
				contact("4915100000080", "F"))))).hasStatusOk();
		assertThat(parked(phone)).isEqualTo(cap);
	}
}

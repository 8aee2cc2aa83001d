package com.whatsappflowhub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.http.Fault;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.number.NumberSettings;

/** The numbers API: only tenant administrators, secrets in but never out, unique phone_number_id, the demo number. */
@IntegrationTest
class NumberApiTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NumberSettings settings;

	Map<String, Object> registration() {
		String phone = "pn" + Math.abs(UUID.randomUUID().getMostSignificantBits());
		SharedGraphServer.holds(phone, "waba-1", "EAAB-secret.token");
		return new HashMap<>(Map.of("phoneNumberId", phone,
				"businessAccountId", "waba-1", "displayNumber", "+1 555 0123", "accessToken", "EAAB-secret.token",
				"appSecret", "tenant-own-app-secret", "verifyToken", "tenant-own-verify-token"));
	}

	@Test
	void registersANumberWithSealedSecretsThatTheApiNeverReturns() throws Exception {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);

		MvcTestResult created = api.post("/api/v1/whatsapp/numbers", admin, registration());

		assertThat(created).hasStatus(201);
		String body = created.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("EAAB-secret.token", "tenant-own-app-secret", "tenant-own-verify-token");
		JsonNode number = api.read(created);
		assertThat(number.path("hasAppSecret").asBoolean()).isTrue();
		assertThat(number.path("hasVerifyToken").asBoolean()).isTrue();
		assertThat(number.path("status").asString()).isEqualTo("ACTIVE");
		byte[] stored = jdbc.sql("SELECT access_token FROM whatsapp_number WHERE phone_number_id = ?")
			.param(number.path("phoneNumberId").asString())
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.orElse(null);
		assertThat(stored).as("invisible without the tenant's context").isNull();
		String list = api.get("/api/v1/whatsapp/numbers", admin).getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(list).contains(number.path("id").asString()).doesNotContain("EAAB-secret.token");
	}

	@Test
	void changesAndRemovesANumber() {
		Api.TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		String id = api.read(api.post("/api/v1/whatsapp/numbers", admin, registration())).path("id").asString();

		MvcTestResult changed = api.call(HttpMethod.PATCH, "/api/v1/whatsapp/numbers/" + id, admin,
				Map.of("displayNumber", "+1 555 0999", "clearAppSecret", true, "fallbackTemplate",
						Map.of("name", "hello_again", "language", "en_US")));

		assertThat(changed).hasStatusOk();
		JsonNode number = api.read(changed);
		assertThat(number.path("displayNumber").asString()).isEqualTo("+1 555 0999");
		assertThat(number.path("hasAppSecret").asBoolean()).isFalse();
		assertThat(number.path("hasVerifyToken").asBoolean()).isTrue();
		assertThat(number.path("fallbackTemplate").path("name").asString()).isEqualTo("hello_again");
		assertThat(api.call(HttpMethod.DELETE, "/api/v1/whatsapp/numbers/" + id, admin, null)).hasStatus(204);
		assertThat(api.get("/api/v1/whatsapp/numbers/" + id, admin)).hasStatus(404);
		JsonNode trail = api.read(api.get("/api/v1/audit?target=whatsapp-number:" + id, admin));
		assertThat(trail.valueStream().map(row -> row.path("action").asString()))
			.containsExactlyInAnyOrder("number.registered", "number.changed", "number.removed");
		assertThat(trail.toString()).contains("displayNumber, appSecret, fallbackTemplate").doesNotContain("EAAB-secret");
	}

	@Test
	void provesTheNumberAgainstTheGraphApiWithTheSuppliedTokenBeforeStoringIt() {
		String admin = api.newTenant().token(Role.TENANT_ADMIN);
		Map<String, Object> registration = registration();

		assertThat(api.post("/api/v1/whatsapp/numbers", admin, registration)).hasStatus(201);

		String phone = (String) registration.get("phoneNumberId");
		SharedGraphServer.server().verify(1, getRequestedFor(urlPathEqualTo("/v23.0/" + phone))
			.withHeader("Authorization", equalTo("Bearer EAAB-secret.token")));
		SharedGraphServer.server().verify(getRequestedFor(urlPathEqualTo("/v23.0/waba-1/phone_numbers"))
			.withHeader("Authorization", equalTo("Bearer EAAB-secret.token")));
	}

	@Test
	void refusesANumberMetaDoesNotAnswerForWithTheSuppliedToken() {
		String admin = api.newTenant().token(Role.TENANT_ADMIN);
		Map<String, Object> unknown = new HashMap<>(registration());
		unknown.put("phoneNumberId", "pn-nobody-holds-" + UUID.randomUUID());
		Map<String, Object> wrongToken = new HashMap<>(registration());
		wrongToken.put("accessToken", "EAAB-someone-elses-guess");
		Map<String, Object> otherAccount = new HashMap<>(registration());
		otherAccount.put("businessAccountId", "waba-not-theirs");

		for (Map<String, Object> attempt : List.of(unknown, wrongToken, otherAccount)) {
			MvcTestResult refused = api.post("/api/v1/whatsapp/numbers", admin, attempt);

			assertThat(refused).as(attempt.toString()).hasStatus(400);
			assertThat(api.read(refused).path("type").asString()).endsWith("/number-not-proved");
		}
		assertThat(api.read(api.get("/api/v1/whatsapp/numbers", admin)).size()).as("nothing stored").isZero();
	}

	@Test
	void saysWhatMetaAnsweredWhenItRefusesTheToken() {
		String admin = api.newTenant().token(Role.TENANT_ADMIN);
		Map<String, Object> registration = registration();
		SharedGraphServer.server().stubFor(get(urlPathEqualTo("/v23.0/" + registration.get("phoneNumberId")))
			.atPriority(1)
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
					{"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException",					"code":190,"fbtrace_id":"AXsgnV2Cm3ZMGF3dF_cfYIn"}}""")));

		MvcTestResult refused = api.post("/api/v1/whatsapp/numbers", admin, registration);

		assertThat(refused).hasStatus(400);
		assertThat(api.read(refused).path("detail").asString()).contains("Graph API error 190");
	}

	@Test
	void answers503AndStoresNothingWhenTheGraphApiCannotBeReached() {
		String admin = api.newTenant().token(Role.TENANT_ADMIN);
		Map<String, Object> broken = registration();
		Map<String, Object> failing = registration();
		SharedGraphServer.server().stubFor(get(urlPathEqualTo("/v23.0/" + broken.get("phoneNumberId"))).atPriority(1)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		SharedGraphServer.server().stubFor(get(urlPathEqualTo("/v23.0/" + failing.get("phoneNumberId"))).atPriority(1)
			.willReturn(aResponse().withStatus(500)));

		for (Map<String, Object> attempt : List.of(broken, failing)) {
			MvcTestResult unavailable = api.post("/api/v1/whatsapp/numbers", admin, attempt);

			assertThat(unavailable).hasStatus(503);
			assertThat(unavailable).hasHeader("Retry-After", "30");
			assertThat(api.read(unavailable).path("type").asString()).endsWith("/graph-unreachable");
		}
		assertThat(api.read(api.get("/api/v1/whatsapp/numbers", admin)).size()).isZero();
	}

	@Test
	void refusesAPhoneNumberIdThatAnotherTenantRegistered() {
		Map<String, Object> registration = registration();
		assertThat(api.post("/api/v1/whatsapp/numbers", api.newTenant().token(Role.TENANT_ADMIN), registration)).hasStatus(201);

		MvcTestResult second = api.post("/api/v1/whatsapp/numbers", api.newTenant().token(Role.TENANT_ADMIN), registration);

		assertThat(second).hasStatus(409);
		assertThat(api.read(second).path("type").asString()).endsWith("/phone-number-taken");
	}

	@Test
	void letsOnlyTenantAdministratorsManageNumbersAndHidesOtherTenantsNumbers() {
		Api.TenantFixture tenant = api.newTenant();
		Api.TenantFixture other = api.newTenant();
		String id = api.read(api.post("/api/v1/whatsapp/numbers", tenant.token(Role.TENANT_ADMIN), registration()))
			.path("id")
			.asString();

		for (Role role : new Role[] { Role.MANAGER, Role.USER, Role.VIEWER, Role.API_CLIENT }) {
			assertThat(api.get("/api/v1/whatsapp/numbers", tenant.token(role))).as(role.name()).hasStatus(403);
			assertThat(api.post("/api/v1/whatsapp/numbers", tenant.token(role), registration())).as(role.name()).hasStatus(403);
			assertThat(api.call(HttpMethod.DELETE, "/api/v1/whatsapp/numbers/" + id, tenant.token(role), null)).hasStatus(403);
		}
		assertThat(api.get("/api/v1/whatsapp/numbers/" + id, other.token(Role.TENANT_ADMIN))).hasStatus(404);
		assertThat(api.call(HttpMethod.PATCH, "/api/v1/whatsapp/numbers/" + id, other.token(Role.TENANT_ADMIN),
				Map.of("displayNumber", "+1"))).hasStatus(404);
		assertThat(api.call(HttpMethod.DELETE, "/api/v1/whatsapp/numbers/" + id, other.token(Role.TENANT_ADMIN), null))
			.hasStatus(404);
		assertThat(api.get("/api/v1/whatsapp/numbers/" + id, tenant.token(Role.TENANT_ADMIN))).hasStatusOk();
		assertThat(api.get("/api/v1/whatsapp/numbers", tenant.token(Role.TENANT_ADMIN))).hasStatusOk();
	}

	@Test
	void refusesARegistrationWithoutItsRequiredFields() {
		MvcTestResult result = api.post("/api/v1/whatsapp/numbers", api.newTenant().token(Role.TENANT_ADMIN),
				Map.of("phoneNumberId", "x"));

		assertThat(result).hasStatus(400);
	}

	@Test
	void registersTheDemoNumberForTheDemoTenant() {
		String demoAdmin = api.token("admin@demo.flowhub.test", "demo-admin-test-password");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				api.read(api.get("/api/v1/whatsapp/numbers", demoAdmin)).valueStream()
					.map(n -> n.path("phoneNumberId").asString()))
			.contains(settings.demoPhoneNumberId()));
	}
}

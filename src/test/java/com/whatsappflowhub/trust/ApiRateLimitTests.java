package com.whatsappflowhub.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.whatsapp.ChannelFixture;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's budget per tenant and per API key: 429 problems with Retry-After and RateLimit headers; never the webhook. */
@IntegrationTest
class ApiRateLimitTests {

	@Autowired
	Api api;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings numberSettings;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	void limit(TenantFixture tenant, Map<String, Object> rateLimit) {
		assertThat(api.call(HttpMethod.PATCH, "/api/v1/tenants/" + tenant.tenantId(), api.superAdminToken(),
				Map.of("settings", Map.of("api", Map.of("rateLimit", rateLimit))))).hasStatusOk();
	}

	@Test
	void aTenantOverItsPerMinuteBudgetGets429WithRetryAfterUntilTheWindowEnds() {
		TenantFixture tenant = api.newTenant();
		TenantFixture other = api.newTenant();
		limit(tenant, Map.of("perMinute", 3, "perHour", 100));
		String admin = tenant.token(Role.TENANT_ADMIN);
		String viewer = tenant.token(Role.VIEWER);

		for (int i = 0; i < 3; i++) {
			MvcTestResult allowed = api.get("/api/v1/tasks", i % 2 == 0 ? admin : viewer);
			assertThat(allowed).hasStatusOk();
			assertThat(allowed).hasHeader("RateLimit-Limit", "3");
			assertThat(allowed).hasHeader("RateLimit-Remaining", Integer.toString(2 - i));
			assertThat(Long.parseLong(allowed.getResponse().getHeader("RateLimit-Reset"))).isBetween(1L, 60L);
		}
		MvcTestResult refused = api.get("/api/v1/tasks", viewer);

		assertThat(refused).hasStatus(429);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(api.read(refused).path("type").asString()).endsWith("/rate-limited");
		long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 60L);
		assertThat(refused).hasHeader("RateLimit-Remaining", "0");
		assertThat(api.get("/api/v1/tasks", other.token(Role.VIEWER))).as("another tenant's budget").hasStatusOk();

		clock.advance(Duration.ofSeconds(retryAfter));
		assertThat(api.get("/api/v1/tasks", admin)).hasStatusOk();
	}

	@Test
	void thePerHourBudgetHoldsAcrossMinutes() {
		TenantFixture tenant = api.newTenant();
		limit(tenant, Map.of("perMinute", 50, "perHour", 4));
		String admin = tenant.token(Role.TENANT_ADMIN);
		for (int i = 0; i < 4; i++) {
			clock.advance(Duration.ofMinutes(2));
			assertThat(api.get("/api/v1/tasks", admin)).hasStatusOk();
		}

		MvcTestResult refused = api.get("/api/v1/tasks", admin);

		assertThat(refused).hasStatus(429);
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isGreaterThan(60);
	}

	@Test
	void anApiKeyHasABudgetOfItsOwnWithinTheTenants() {
		TenantFixture tenant = api.newTenant();
		limit(tenant, Map.of("perMinute", 20, "perHour", 100, "keyPerMinute", 2));
		String admin = tenant.token(Role.TENANT_ADMIN);
		String key = api.read(api.post("/api/v1/api-keys", admin, Map.of("name", "sync", "scopes", List.of("tasks:read"))))
			.path("key")
			.asString();

		for (int i = 0; i < 2; i++) {
			assertThat(api.mvc().get().uri("/api/v1/tasks").header("X-API-Key", key).exchange()).hasStatusOk();
		}
		MvcTestResult refused = api.mvc().get().uri("/api/v1/tasks").header("X-API-Key", key).exchange();

		assertThat(refused).hasStatus(429);
		assertThat(api.read(refused).path("detail").asString()).contains("API key");
		assertThat(refused).hasHeader("RateLimit-Limit", "2");
		assertThat(api.get("/api/v1/tasks", admin)).as("the tenant's users still have budget").hasStatusOk();
	}

	@Test
	void theWebhookIsNeverThrottledPerTenant() {
		ChannelFixture channel = new ChannelFixture(api, jdbc, transactions, numberSettings);
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		limit(tenant.fixture(), Map.of("perMinute", 1, "perHour", 1));
		assertThat(api.get("/api/v1/tasks", tenant.fixture().token(Role.VIEWER))).hasStatusOk();
		assertThat(api.get("/api/v1/tasks", tenant.fixture().token(Role.VIEWER))).hasStatus(429);

		for (int i = 0; i < 5; i++) {
			MvcTestResult delivered = channel.post(ChannelFixture.textDelivery(tenant, ChannelFixture.wamid(),
					"4915100000090", "Kunde", "Hallo " + i, Instant.now()));
			assertThat(delivered).hasStatusOk();
			assertThat(delivered.getResponse().getHeader("RateLimit-Limit")).isNull();
		}
		assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM message WHERE tenant_id = ?",
				tenant.tenantId().value())).isEqualTo(5);
	}
}

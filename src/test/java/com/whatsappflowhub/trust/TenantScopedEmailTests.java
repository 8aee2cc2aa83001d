package com.whatsappflowhub.trust;

import java.util.List;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** A 409 for a taken e-mail says nothing about other tenants: e-mails are unique per tenant. */
@IntegrationTest
class TenantScopedEmailTests {

	@Autowired
	Api api;

	@Test
	void anAddressAnotherTenantUsesCanBeUsedAgainAndEachSignsInWithItsOwnPassword() {
		TenantFixture first = api.newTenant();
		TenantFixture second = api.newTenant();
		String email = first.spareEmail();
		MvcTestResult created = api.post("/api/v1/users", second.token(Role.TENANT_ADMIN), Map.of("email", email, "name",
				"Same address", "password", "second-tenant-password", "roles", List.of("USER")));
		assertThat(created).hasStatus(201);

		assertThat(api.read(api.get("/api/v1/users/me", api.token(email, Api.PASSWORD))).get("tenantId").asString())
			.isEqualTo(first.tenantId());
		assertThat(api.read(api.get("/api/v1/users/me", api.token(email, "second-tenant-password"))).get("tenantId")
			.asString()).isEqualTo(second.tenantId());

		MvcTestResult again = api.post("/api/v1/users", second.token(Role.TENANT_ADMIN),
				Map.of("email", email.toUpperCase(), "name", "Again", "roles", List.of("USER")));
		assertThat(again).hasStatus(409);
	}
}

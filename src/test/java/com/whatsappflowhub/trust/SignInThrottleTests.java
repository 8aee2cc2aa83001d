package com.whatsappflowhub.trust;

import java.time.Duration;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing is throttled per account and per client address, with 429 and Retry-After. */
@IntegrationTest
class SignInThrottleTests {

	@Autowired
	Api api;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	MvcTestResult login(String email, String password, String address) {
		return api.mvc()
			.post()
			.uri("/api/v1/auth/token")
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			})
			.contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.shared().writeValueAsString(Map.of("email", email, "password", password)))
			.exchange();
	}

	@Test
	void anAccountIsLockedAfterFiveFailuresEvenForTheRightPasswordAndTheLockEnds() {
		TenantFixture tenant = api.newTenant();
		String email = tenant.spareEmail();
		for (int i = 0; i < 5; i++) {
			assertThat(login(email, "wrong-" + i, "10.20.0." + i)).hasStatus(401);
		}
		MvcTestResult locked = login(email, Api.PASSWORD, "10.20.1.1");
		assertThat(locked).hasStatus(429);
		assertThat(locked.getResponse().getContentType()).isEqualTo("application/problem+json");
		long retryAfter = Long.parseLong(locked.getResponse().getHeader("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 30L);

		clock.advance(Duration.ofSeconds(retryAfter + 1));
		assertThat(login(email, Api.PASSWORD, "10.20.1.1")).hasStatusOk();
	}

	@Test
	void eachFailureAfterALockDoublesTheNextOne() {
		TenantFixture tenant = api.newTenant();
		String email = tenant.spareEmail();
		for (int i = 0; i < 5; i++) {
			login(email, "wrong", "10.21.0.1");
		}
		clock.advance(Duration.ofSeconds(31));
		assertThat(login(email, "still-wrong", "10.21.0.2")).hasStatus(401);
		MvcTestResult locked = login(email, Api.PASSWORD, "10.21.0.3");
		assertThat(locked).hasStatus(429);
		assertThat(Long.parseLong(locked.getResponse().getHeader("Retry-After"))).isBetween(31L, 60L);
	}

	@Test
	void oneAddressGuessingManyAccountsIsThrottled() {
		String address = "10.22.0.7";
		int answered401 = 0;
		for (int i = 0; i < 50; i++) {
			if (login(Api.unique("nobody") + "@example.com", "guess", address).getResponse().getStatus() == 401) {
				answered401++;
			}
		}
		assertThat(answered401).isEqualTo(50);
		MvcTestResult throttled = login(Api.SUPER_ADMIN_EMAIL, Api.SUPER_ADMIN_PASSWORD, address);
		assertThat(throttled).hasStatus(429);
		assertThat(throttled.getResponse().getHeader("Retry-After")).isNotBlank();
		assertThat(login(Api.SUPER_ADMIN_EMAIL, Api.SUPER_ADMIN_PASSWORD, "10.22.0.8")).hasStatusOk();
		clock.advance(Duration.ofMinutes(1));
		assertThat(login(Api.SUPER_ADMIN_EMAIL, Api.SUPER_ADMIN_PASSWORD, address)).hasStatusOk();
	}
}

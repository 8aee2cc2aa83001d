package com.whatsappflowhub.trust;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.mfa.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Enrolling a TOTP second factor, and signing in with it (each code once, recovery codes once). */
@IntegrationTest
class MfaSignInTests {

	@Autowired
	Api api;

	@Autowired
	MutableClock clock;

	@Autowired
	com.whatsappflowhub.identity.SignIn signIn;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	MvcTestResult login(String email, String password, String otp) {
		Map<String, Object> body = otp == null ? Map.of("email", email, "password", password)
				: Map.of("email", email, "password", password, "otp", otp);
		return api.mvc().post().uri("/api/v1/auth/token").with(r -> {
			r.setRemoteAddr("10.30.0.1");
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content(JsonMapper.shared().writeValueAsString(body)).exchange();
	}

	@Test
	void anEnrolledUserSignsInOnlyWithAFreshCodeOrARecoveryCode() {
		TenantFixture tenant = api.newTenant();
		String email = tenant.spareEmail();
		String token = api.token(email, Api.PASSWORD);

		MvcTestResult enrolled = api.post("/api/v1/auth/mfa/enroll", token, null);
		assertThat(enrolled).hasStatusOk();
		JsonNode enrolment = api.read(enrolled);
		assertThat(enrolment.path("otpauthUri").asString()).startsWith("otpauth://totp/WhatsAppFlowHub").contains("secret=");
		assertThat(enrolment.path("qrCode").asString()).startsWith("data:image/png;base64,");
		assertThat(enrolment.path("recoveryCodes")).hasSize(10);
		byte[] secret = base32(enrolment.path("secret").asString());

		assertThat(api.post("/api/v1/auth/mfa/confirm", token, Map.of("code", "000000"))).hasStatus(400);
		String first = Totp.code(secret, Totp.counter(clock.instant()), 6, "HmacSHA1");
		assertThat(api.post("/api/v1/auth/mfa/confirm", token, Map.of("code", first))).hasStatus(204);

		MvcTestResult withoutCode = login(email, Api.PASSWORD, null);
		assertThat(withoutCode).hasStatus(401);
		assertThat(api.read(withoutCode).path("type").asString()).endsWith("/mfa-required");
		assertThat(login(email, Api.PASSWORD, first)).hasStatus(401); // used for the confirmation already
		assertThat(login(email, "wrong-password", null)).hasStatus(401);

		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		String next = Totp.code(secret, Totp.counter(clock.instant()), 6, "HmacSHA1");
		assertThat(login(email, Api.PASSWORD, next)).hasStatusOk();
		assertThat(login(email, Api.PASSWORD, next)).hasStatus(401); // once

		// the dashboard's sign-in: the same answers through identity.SignIn
		assertThat(signIn.attempt(email, Api.PASSWORD, null)).isInstanceOf(com.whatsappflowhub.identity.SignIn.Attempt.CodeRequired.class);
		assertThat(signIn.attempt(email, "wrong-password", null)).isInstanceOf(com.whatsappflowhub.identity.SignIn.Attempt.Refused.class);
		assertThat(signIn.verify(email, Api.PASSWORD)).isEmpty();
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		String dashboard = Totp.code(secret, Totp.counter(clock.instant()), 6, "HmacSHA1");
		assertThat(signIn.attempt(email, Api.PASSWORD, dashboard)).isInstanceOfSatisfying(com.whatsappflowhub.identity.SignIn.Attempt.SignedIn.class,
				signedIn -> assertThat(signedIn.account().email()).isEqualTo(email));
		assertThat(signIn.attempt(email, Api.PASSWORD, dashboard)).isInstanceOf(com.whatsappflowhub.identity.SignIn.Attempt.Refused.class);

		String recovery = enrolment.path("recoveryCodes").get(0).asString();
		assertThat(login(email, Api.PASSWORD, recovery)).hasStatusOk();
		assertThat(login(email, Api.PASSWORD, recovery)).hasStatus(401);
	}

	static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}

package com.whatsappflowhub.trust;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.MutableClock;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.SignIn;
import com.whatsappflowhub.identity.mfa.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Issue 11 item 5's last part: a tenant can require a second factor of its admins (or of everyone). Whoever must and
 * has not enrolled gets, at sign-in, only a token (or dashboard session) that enrols, and refresh tokens do not get
 * around it.
 */
@IntegrationTest
class MfaRequirementTests {

	@Autowired
	Api api;

	@Autowired
	MutableClock clock;

	@Autowired
	SignIn signIn;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	MvcTestResult login(String email, String otp) {
		Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", Api.PASSWORD));
		if (otp != null) {
			body.put("otp", otp);
		}
		return api.mvc().post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.shared().writeValueAsString(body)).exchange();
	}

	void require(TenantFixture tenant, String who) {
		MvcTestResult set = api.call(HttpMethod.PUT, "/api/v1/settings/security", tenant.token(Role.TENANT_ADMIN),
				Map.of("mfaRequired", who));
		assertThat(set).hasStatusOk();
		assertThat(api.read(set).path("mfaRequired").asString()).isEqualTo(who);
	}

	/** Enrols with a full token; returns the secret. */
	byte[] enrol(String token) {
		JsonNode enrolment = api.read(api.post("/api/v1/auth/mfa/enroll", token, null));
		byte[] secret = MfaSignInTests.base32(enrolment.path("secret").asString());
		assertThat(api.post("/api/v1/auth/mfa/confirm", token, Map.of("code", code(secret)))).hasStatus(204);
		return secret;
	}

	String code(byte[] secret) {
		return Totp.code(secret, Totp.counter(clock.instant()), 6, "HmacSHA1");
	}

	enum Outcome {
		FULL, ENROLMENT_ONLY, CODE_ASKED
	}

	Outcome outcome(String email) {
		MvcTestResult result = login(email, null);
		if (result.getResponse().getStatus() == 401) {
			assertThat(api.read(result).path("type").asString()).endsWith("/mfa-required");
			return Outcome.CODE_ASKED;
		}
		assertThat(result).hasStatusOk();
		JsonNode body = api.read(result);
		if (body.path("mfa_enrolment_required").asBoolean(false)) {
			assertThat(body.has("refresh_token")).isFalse();
			assertThat(body.path("expires_in").asLong()).isLessThanOrEqualTo(600);
			return Outcome.ENROLMENT_ONLY;
		}
		assertThat(body.path("refresh_token").asString()).isNotBlank();
		return Outcome.FULL;
	}

	@Test
	void theMatrixOfRequirementEnrolmentAndRole() {
		Map<String, Map<String, Outcome>> expected = Map.of(
				"OFF", Map.of("admin", Outcome.FULL, "user", Outcome.FULL, "enrolled-admin", Outcome.CODE_ASKED,
						"enrolled-user", Outcome.CODE_ASKED),
				"ADMINS", Map.of("admin", Outcome.ENROLMENT_ONLY, "user", Outcome.FULL, "enrolled-admin",
						Outcome.CODE_ASKED, "enrolled-user", Outcome.CODE_ASKED),
				"EVERYONE", Map.of("admin", Outcome.ENROLMENT_ONLY, "user", Outcome.ENROLMENT_ONLY, "enrolled-admin",
						Outcome.CODE_ASKED, "enrolled-user", Outcome.CODE_ASKED));
		for (String requirement : List.of("OFF", "ADMINS", "EVERYONE")) {
			TenantFixture tenant = api.newTenant();
			String admin = tenant.token(Role.TENANT_ADMIN);
			Map<String, String> emails = new HashMap<>();
			for (String who : List.of("admin", "user", "enrolled-admin", "enrolled-user")) {
				String email = Api.unique(who) + "@example.com";
				api.createUser(admin, email, who.endsWith("admin") ? Role.TENANT_ADMIN : Role.USER, null);
				emails.put(who, email);
				if (who.startsWith("enrolled")) {
					enrol(api.token(email, Api.PASSWORD));
				}
			}
			require(tenant, requirement);
			for (String who : List.of("admin", "user", "enrolled-admin", "enrolled-user")) {
				assertThat(outcome(emails.get(who))).as(requirement + " / " + who).isEqualTo(expected.get(requirement).get(who));
				// the dashboard's sign-in decides the same
				SignIn.Attempt attempt = signIn.attempt(emails.get(who), Api.PASSWORD, null);
				Class<?> dashboard = switch (expected.get(requirement).get(who)) {
					case FULL -> SignIn.Attempt.SignedIn.class;
					case ENROLMENT_ONLY -> SignIn.Attempt.EnrolmentRequired.class;
					case CODE_ASKED -> SignIn.Attempt.CodeRequired.class;
				};
				assertThat(attempt).as("dashboard " + requirement + " / " + who).isInstanceOf(dashboard);
			}
		}
	}

	@Test
	void theEnrolmentTokenIsRefusedByEveryOtherOperationThenEnrolsAndTheUserSignsInFully() {
		TenantFixture tenant = api.newTenant();
		String email = Api.unique("must-enrol") + "@example.com";
		api.createUser(tenant.token(Role.TENANT_ADMIN), email, Role.TENANT_ADMIN, null);
		require(tenant, "ADMINS");
		String limited = api.read(login(email, null)).path("access_token").asString();

		JsonNode paths = api.read(api.mvc().get().uri("/v3/api-docs").exchange()).path("paths");
		List<String> refused = new ArrayList<>();
		for (var path : paths.properties()) {
			String uri = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
			if (!uri.startsWith("/api/") || uri.startsWith("/api/v1/auth/token") || uri.startsWith("/api/v1/auth/refresh")
					|| uri.startsWith("/api/v1/auth/mfa/")) {
				continue;
			}
			for (var operation : path.getValue().properties()) {
				HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
				MvcTestResult answer = api.call(method, uri, limited, method == HttpMethod.GET ? null : Map.of());
				assertThat(answer).as(method + " " + uri).hasStatus(403);
				assertThat(answer.getResponse().getContentType()).as(method + " " + uri).startsWith("application/problem+json");
				assertThat(api.read(answer).path("type").asString()).as(method + " " + uri).endsWith("/mfa-enrolment-only");
				refused.add(method + " " + uri);
			}
		}
		assertThat(refused).hasSizeGreaterThan(40).anyMatch(r -> r.startsWith("GET /api/v1/tasks"))
			.anyMatch(r -> r.startsWith("PUT /api/v1/settings/security"));
		assertThat(api.mvc().get().uri("/api/v1/audit").header("X-API-Key", "none").exchange()).hasStatus(401);

		JsonNode enrolment = api.read(api.post("/api/v1/auth/mfa/enroll", limited, null));
		byte[] secret = MfaSignInTests.base32(enrolment.path("secret").asString());
		assertThat(api.post("/api/v1/auth/mfa/confirm", limited, Map.of("code", code(secret)))).hasStatus(204);
		assertThat(outcome(email)).isEqualTo(Outcome.CODE_ASKED);
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		MvcTestResult full = login(email, code(secret));
		assertThat(full).hasStatusOk();
		String token = api.read(full).path("access_token").asString();
		assertThat(api.read(full).path("refresh_token").asString()).isNotBlank();
		assertThat(api.get("/api/v1/tasks", token)).hasStatusOk();
		assertThat(api.get("/api/v1/audit?action=access.denied&limit=500", token)).hasStatusOk();
		assertThat(api.read(api.get("/api/v1/audit?action=auth.sign-in.enrolment-only", token)).findValuesAsString("actor"))
			.isNotEmpty();
	}

	@Test
	void aRefreshTokenFromBeforeTheRequirementDoesNotGetAroundIt() {
		TenantFixture tenant = api.newTenant();
		String email = Api.unique("had-a-session") + "@example.com";
		api.createUser(tenant.token(Role.TENANT_ADMIN), email, Role.TENANT_ADMIN, null);
		String refresh = api.read(login(email, null)).path("refresh_token").asString();
		require(tenant, "ADMINS");
		MvcTestResult refused = api.mvc().post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refresh_token\":\"" + refresh + "\"}").exchange();
		assertThat(refused).hasStatus(401);
		assertThat(api.read(refused).path("type").asString()).endsWith("/mfa-enrolment-required");
		// a user the requirement does not cover keeps refreshing
		String user = api.read(login(tenant.spareEmail(), null)).path("refresh_token").asString();
		assertThat(api.mvc().post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refresh_token\":\"" + user + "\"}").exchange()).hasStatusOk();
	}

	@Test
	void theDashboardSessionOnlyShowsTheEnrolmentPageThenSignsInWithTheCode() throws Exception {
		TenantFixture tenant = api.newTenant();
		String email = Api.unique("dash-enrol") + "@example.com";
		api.createUser(tenant.token(Role.TENANT_ADMIN), email, Role.TENANT_ADMIN, null);
		require(tenant, "ADMINS");

		MvcTestResult signedIn = api.mvc().post().uri("/login").param("email", email).param("password", Api.PASSWORD)
			.with(csrf()).exchange();
		assertThat(signedIn).hasStatus(302);
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();
		for (String page : List.of("/tasks", "/admin", "/rules", "/conversations")) {
			assertThat(api.mvc().get().uri(page).session(session)).as(page).hasStatus(302).redirectedUrl().isEqualTo("/mfa/enrol");
		}
		MvcTestResult page = api.mvc().get().uri("/mfa/enrol").session(session).exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("data:image/png;base64,");
		String secret = html.replaceAll("(?s).*<code id=\"secret\">([A-Z2-7]+)</code>.*", "$1");
		assertThat(api.mvc().post().uri("/mfa/enrol").session(session).param("code", "000000").with(csrf()))
			.hasStatus(302).redirectedUrl().isEqualTo("/mfa/enrol?error");
		assertThat(api.mvc().get().uri("/mfa/enrol").session(session).exchange().getResponse().getContentAsString())
			.contains(secret); // the same secret after a mistyped code
		assertThat(api.mvc().post().uri("/mfa/enrol").session(session).param("code", code(MfaSignInTests.base32(secret)))
			.with(csrf())).hasStatus(302).redirectedUrl().isEqualTo("/login?enrolled");

		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		assertThat(signIn.attempt(email, Api.PASSWORD, null)).isInstanceOf(SignIn.Attempt.CodeRequired.class);
		assertThat(signIn.attempt(email, Api.PASSWORD, code(MfaSignInTests.base32(secret))))
			.isInstanceOf(SignIn.Attempt.SignedIn.class);
	}
}

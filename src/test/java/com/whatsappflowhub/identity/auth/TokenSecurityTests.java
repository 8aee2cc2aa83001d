package com.whatsappflowhub.identity.auth;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TokenSecurityTests {

	@Autowired
	Api api;

	@Autowired
	AccessTokens accessTokens;

	@Autowired
	SigningKeys keys;

	@Autowired
	AuthSettings settings;

	JsonNode me;

	@BeforeEach
	void signedInSuperAdmin() {
		me = api.read(api.get("/api/v1/users/me", api.superAdminToken()));
	}

	JWTClaimsSet.Builder validClaims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(settings.issuer())
			.subject(me.get("id").asString())
			.claim("tenant_id", me.get("tenantId").asString())
			.claim("roles", List.of("SUPER_ADMIN"))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)));
	}

	MvcTestResult callMe(String token) {
		return api.get("/api/v1/users/me", token);
	}

	void assertRefused(String token) {
		MvcTestResult result = callMe(token);
		assertThat(result).hasStatus(401);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void aWellFormedTokenSignedWithOurKeyIsAccepted() {
		assertThat(callMe(accessTokens.sign(validClaims().build()))).hasStatusOk();
	}

	@Test
	void refusesAnExpiredToken() {
		Instant past = Instant.now().minusSeconds(3600);
		assertRefused(accessTokens.sign(validClaims().issueTime(Date.from(past))
			.notBeforeTime(Date.from(past))
			.expirationTime(Date.from(past.plusSeconds(900)))
			.build()));
	}

	@Test
	void refusesATokenWithoutExpiry() {
		assertRefused(accessTokens.sign(validClaims().expirationTime(null).build()));
	}

	@Test
	void refusesATokenThatIsNotValidYet() {
		assertRefused(accessTokens.sign(validClaims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build()));
	}

	@Test
	void refusesAnUnsignedToken() {
		assertRefused(new PlainJWT(validClaims().build()).serialize());
		String[] signed = accessTokens.sign(validClaims().build()).split("\\.");
		String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
		assertRefused(noneHeader + "." + signed[1] + ".");
	}

	@Test
	void refusesATokenSignedWithAnotherKeyUnderOurKeyId() throws Exception {
		RSAKey impostor = new RSAKeyGenerator(2048).keyID(keys.current().getKeyID()).generate();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(impostor.getKeyID())
			.type(JOSEObjectType.JWT)
			.build(), validClaims().build());
		jwt.sign(new RSASSASigner(impostor));
		assertRefused(jwt.serialize());
	}

	@Test
	void refusesATokenWithoutATenant() {
		assertRefused(accessTokens.sign(validClaims().claim("tenant_id", null).build()));
		assertRefused(accessTokens.sign(validClaims().claim("tenant_id", "acme").build()));
	}

	@Test
	void refusesATokenFromAnotherIssuer() {
		assertRefused(accessTokens.sign(validClaims().issuer("https://evil.example.com").build()));
	}

	@Test
	void refusesATamperedPayload() {
		String[] parts = accessTokens.sign(validClaims().claim("roles", List.of("VIEWER")).build()).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("VIEWER", "SUPER_ADMIN");
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		assertRefused(tampered);
	}

	@Test
	void refusesGarbageAndMissingTokens() {
		assertRefused("not-a-jwt");
		MvcTestResult none = api.mvc().get().uri("/api/v1/users/me").exchange();
		assertThat(none).hasStatus(401);
		assertThat(api.read(none).get("type").asString()).endsWith("/unauthorized");
	}

	@Test
	void theJwksHoldsTheKeyThatVerifiesIssuedTokens() throws Exception {
		String token = api.superAdminToken();
		JWKSet published = JWKSet.parse(api.mvc().get().uri("/.well-known/jwks.json").exchange().getResponse().getContentAsString());
		SignedJWT jwt = SignedJWT.parse(token);
		RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(key.isPrivate()).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getJWTClaimsSet().getStringClaim("email")).isEqualTo(Api.SUPER_ADMIN_EMAIL);
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
			.isBetween(Instant.now().plusSeconds(840), Instant.now().plusSeconds(901));
	}

	@Test
	void afterARotationOldTokensStillWorkAndBothKeysArePublished() throws Exception {
		String before = api.superAdminToken();
		String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

		JsonNode rotated = api.read(api.post("/api/v1/admin/signing-keys/rotate", before, null));
		String newKid = rotated.get("kid").asString();
		String after = api.superAdminToken();

		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
		assertThat(callMe(before)).hasStatusOk();
		assertThat(callMe(after)).hasStatusOk();
		JWKSet published = JWKSet.parse(api.mvc().get().uri("/.well-known/jwks.json").exchange().getResponse().getContentAsString());
		assertThat(published.getKeys()).extracting(k -> k.getKeyID()).contains(oldKid, newKid);
	}

	@Test
	void refreshRotatesAndAReusedRefreshTokenRevokesTheFamily() {
		JsonNode first = api.read(api.login(Api.SUPER_ADMIN_EMAIL, Api.SUPER_ADMIN_PASSWORD));
		String original = first.get("refresh_token").asString();

		MvcTestResult rotated = refresh(original);
		assertThat(rotated).hasStatusOk();
		String next = api.read(rotated).get("refresh_token").asString();
		assertThat(next).isNotEqualTo(original);
		assertThat(callMe(api.read(rotated).get("access_token").asString())).hasStatusOk();

		MvcTestResult reuse = refresh(original);
		assertThat(reuse).hasStatus(401);
		assertThat(api.read(reuse).get("type").asString()).endsWith("/invalid-refresh-token");
		assertThat(refresh(next)).as("the family was revoked by the reuse").hasStatus(401);
	}

	@Test
	void refusesMalformedAndUnknownRefreshTokens() {
		assertThat(refresh("garbage")).hasStatus(401);
		assertThat(refresh(UUID.randomUUID() + ".unknown")).hasStatus(401);
	}

	MvcTestResult refresh(String token) {
		return api.mvc()
			.post()
			.uri("/api/v1/auth/refresh")
			.contentType("application/json")
			.content("{\"refresh_token\":\"" + token + "\"}")
			.exchange();
	}
}

package com.whatsappflowhub.identity.auth;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * Tokens of an external OpenID Connect provider (a local one here, serving its discovery document and JWKS
 * as a real provider does) are accepted when they carry our audience, a subject and a tenant.
 */
class ExternalOidcTokensTests {

	static HttpServer provider;

	static RSAKey providerKey;

	static String issuer;

	static AuthenticationManagerResolver<HttpServletRequest> tokens;

	static final UUID TENANT = UUID.randomUUID();

	static final UUID LOCAL_USER = UUID.randomUUID();

	@BeforeAll
	static void startProvider() throws Exception {
		providerKey = new RSAKeyGenerator(2048).keyID("idp-key").generate();
		provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/acme";
		provider.createContext("/realms/acme/.well-known/openid-configuration", exchange -> json(exchange, """
				{"issuer":"%1$s","jwks_uri":"%1$s/certs","authorization_endpoint":"%1$s/auth",
				 "token_endpoint":"%1$s/token","subject_types_supported":["public"],
				 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}"""
			.formatted(issuer)));
		provider.createContext("/realms/acme/certs",
				exchange -> json(exchange, new JWKSet(providerKey.toPublicJWK()).toString()));
		provider.start();
		AuthSettings settings = new AuthSettings("urn:whatsappflowhub", Duration.ofMinutes(15), Duration.ofDays(30),
				new AuthSettings.Oidc(issuer, "flowhub-api"));
		tokens = new SecurityConfiguration().tokenAuthentication(mock(SigningKeys.class), settings, Clock.systemUTC(),
				(tenant, email) -> tenant.equals(TENANT) && email.equalsIgnoreCase("maria@acme.example")
						? java.util.Optional.of(new ExternalAccounts.LocalAccount(LOCAL_USER, java.util.Set.of("USER"), java.util.Set.of()))
						: java.util.Optional.empty());
	}

	@AfterAll
	static void stopProvider() {
		provider.stop(0);
	}

	static void json(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject("idp-user-42")
			.audience(List.of("flowhub-api", "account"))
			.claim("tenant_id", TENANT.toString())
			.claim("email", "maria@acme.example")
			.claim("roles", List.of("MANAGER"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)));
	}

	Authentication authenticate(JWTClaimsSet claims, RSAKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
		jwt.sign(new RSASSASigner(key));
		MockHttpServletRequest request = new MockHttpServletRequest();
		return tokens.resolve(request).authenticate(new BearerTokenAuthenticationToken(jwt.serialize()));
	}

	@Test
	void acceptsTheProvidersTokenAsTheLocalUserWithTheLocalRoles() throws Exception {
		Authentication authentication = authenticate(claims().build(), providerKey);
		assertThat(authentication.isAuthenticated()).isTrue();
		assertThat(authentication.getName()).isEqualTo(LOCAL_USER.toString());
		// the provider said MANAGER; the local user is a USER, and that is what counts
		assertThat(authentication.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_USER");
		var jwt = ((org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken) authentication).getToken();
		assertThat(jwt.getSubject()).isEqualTo(LOCAL_USER.toString());
		assertThat(jwt.getClaimAsString("external_sub")).isEqualTo("idp-user-42");
	}

	@Test
	void refusesAProviderTokenForNoActiveLocalUser() {
		// the lookup answers empty for an unknown, deactivated or suspended-tenant account
		assertThatThrownBy(() -> authenticate(claims().claim("email", "stranger@acme.example").build(), providerKey))
			.isInstanceOf(AuthenticationException.class);
		assertThatThrownBy(() -> authenticate(claims().claim("tenant_id", UUID.randomUUID().toString()).build(), providerKey))
			.isInstanceOf(AuthenticationException.class);
		assertThatThrownBy(() -> authenticate(claims().claim("email", null).build(), providerKey))
			.isInstanceOf(AuthenticationException.class);
	}

	@Test
	void refusesAProviderTokenWithoutExpiry() {
		assertThatThrownBy(() -> authenticate(claims().expirationTime(null).build(), providerKey))
			.isInstanceOf(AuthenticationException.class);
	}

	@Test
	void anExternalProviderWithoutAnAudienceDoesNotStart() {
		AuthSettings noAudience = new AuthSettings("urn:whatsappflowhub", Duration.ofMinutes(15), Duration.ofDays(30),
				new AuthSettings.Oidc(issuer, ""));
		assertThatThrownBy(() -> new SecurityConfiguration().tokenAuthentication(mock(SigningKeys.class), noAudience,
				Clock.systemUTC(), (tenant, email) -> java.util.Optional.empty()))
			.hasMessageContaining("FLOWHUB_OIDC_AUDIENCE is not set");
	}

	@Test
	void refusesAProviderTokenWithoutTenantOrForAnotherAudience() {
		assertThatThrownBy(() -> authenticate(claims().claim("tenant_id", null).build(), providerKey))
			.isInstanceOf(AuthenticationException.class);
		assertThatThrownBy(() -> authenticate(claims().audience("someone-else").build(), providerKey))
			.isInstanceOf(AuthenticationException.class);
	}

	@Test
	void refusesATokenSignedWithAKeyTheProviderDoesNotPublish() {
		assertThatThrownBy(() -> authenticate(claims().build(), new RSAKeyGenerator(2048).keyID("idp-key").generate()))
			.isInstanceOf(AuthenticationException.class);
	}

	@Test
	void refusesAnExpiredProviderToken() {
		Instant past = Instant.now().minusSeconds(3600);
		assertThatThrownBy(() -> authenticate(
				claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build(), providerKey))
			.isInstanceOf(AuthenticationException.class);
	}

	@Test
	void refusesAnIssuerThatIsNeitherOursNorTheProvider() {
		assertThatThrownBy(() -> authenticate(claims().issuer("https://other.example.com").build(), providerKey))
			.isInstanceOf(AuthenticationException.class);
	}
}

package com.whatsappflowhub.identity.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.user.User;
import org.springframework.stereotype.Component;

/** Signs RS256 access tokens carrying {@code sub}, {@code tenant_id}, {@code roles} and {@code email}. */
@Component
class AccessTokens {

	private final SigningKeys keys;

	private final AuthSettings settings;

	private final Clock clock;

	AccessTokens(SigningKeys keys, AuthSettings settings, Clock clock) {
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
	}

	String issue(User user) {
		Instant now = clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(settings.issuer())
			.subject(user.id().toString())
			.claim("tenant_id", user.tenantId().toString())
			.claim("roles", user.roles().stream().map(Role::name).sorted().toList())
			.claim("email", user.email())
			.claim("name", user.name())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(settings.accessTokenTtl())))
			.jwtID(UUID.randomUUID().toString());
		if (!user.scopes().isEmpty()) {
			claims.claim("scope", String.join(" ", user.scopes().stream().sorted().toList()));
		}
		return sign(claims.build());
	}

	/** The claim that marks a token good only for enrolling a second factor (see {@link EnrolmentOnlyFilter}). */
	static final String ENROLMENT_CLAIM = "mfa_enrolment";

	static final java.time.Duration ENROLMENT_TTL = java.time.Duration.ofMinutes(10);

	/**
	 * A short token for a user who must enrol a second factor first: no roles, no scopes, the enrolment claim; the API
	 * refuses it everywhere but the two enrolment operations.
	 */
	String issueEnrolment(User user) {
		Instant now = clock.instant();
		return sign(new JWTClaimsSet.Builder().issuer(settings.issuer())
			.subject(user.id().toString())
			.claim("tenant_id", user.tenantId().toString())
			.claim("roles", java.util.List.of())
			.claim("email", user.email())
			.claim("name", user.name())
			.claim(ENROLMENT_CLAIM, true)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ENROLMENT_TTL)))
			.jwtID(UUID.randomUUID().toString())
			.build());
	}

	long enrolmentLifetimeSeconds() {
		return ENROLMENT_TTL.toSeconds();
	}

	String sign(JWTClaimsSet claims) {
		RSAKey key = keys.current();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an access token", ex);
		}
		return jwt.serialize();
	}

	long lifetimeSeconds() {
		return settings.accessTokenTtl().toSeconds();
	}
}

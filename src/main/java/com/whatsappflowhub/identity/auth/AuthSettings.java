package com.whatsappflowhub.identity.auth;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer the {@code iss} of the tokens we sign
 * @param accessTokenTtl lifetime of access tokens (and how long a retired key stays in the JWKS)
 * @param refreshTokenTtl lifetime of a refresh token family member
 * @param oidc an external identity provider whose tokens are accepted as well
 */
@ConfigurationProperties("flowhub.auth")
record AuthSettings(@DefaultValue("urn:whatsappflowhub") String issuer, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("30d") Duration refreshTokenTtl, @DefaultValue Oidc oidc) {

	/**
	 * @param issuerUri the provider's issuer; empty turns external tokens off
	 * @param audience the audience our API must be named in, if set
	 */
	record Oidc(@Nullable String issuerUri, @Nullable String audience) {

		boolean enabled() {
			return issuerUri != null && !issuerUri.isBlank();
		}
	}
}

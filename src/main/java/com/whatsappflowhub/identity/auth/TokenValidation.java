package com.whatsappflowhub.identity.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.jspecify.annotations.Nullable;

/**
 * What every accepted token must satisfy, ours or an external provider's: the expected issuer, inside its
 * {@code nbf}/{@code exp} window (30 s of clock skew), a subject, and a {@code tenant_id} that is a UUID
 * (a token that does not say which tenant it acts for is refused), and an {@code exp}. External tokens must
 * also name our audience (required with an external provider).
 */
final class TokenValidation {

	static final String TENANT_ID = "tenant_id";

	private TokenValidation() {
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, @Nullable String audience, Clock clock) {
		JwtTimestampValidator time = new JwtTimestampValidator(Duration.ofSeconds(30));
		time.setClock(clock);
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(time, new JwtIssuerValidator(issuer),
				new JwtClaimValidator<@Nullable Object>(JwtClaimNames.SUB, TokenValidation::present),
				// a token without exp would never expire: Spring's timestamp check only looks at exp when it is there
				new JwtClaimValidator<@Nullable Object>(JwtClaimNames.EXP, java.util.Objects::nonNull),
				new JwtClaimValidator<@Nullable Object>(TENANT_ID, TokenValidation::uuid)));
		if (audience != null && !audience.isBlank()) {
			validators.add(new JwtClaimValidator<@Nullable Object>(JwtClaimNames.AUD,
					aud -> aud instanceof Collection<?> list ? list.contains(audience) : audience.equals(aud)));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static boolean present(@Nullable Object value) {
		return value != null && !value.toString().isBlank();
	}

	private static boolean uuid(@Nullable Object value) {
		if (value == null) {
			return false;
		}
		try {
			UUID.fromString(value.toString());
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}
}

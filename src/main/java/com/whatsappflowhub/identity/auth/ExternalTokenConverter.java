package com.whatsappflowhub.identity.auth;

import java.util.List;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified external token into the local user it names ({@link ExternalAccounts}): the rest of the
 * application sees a token whose {@code sub} is the local user's id and whose roles and scopes are the local ones;
 * the provider's subject is kept as {@code external_sub}. No local account, a deactivated one or a suspended tenant:
 * 401.
 */
final class ExternalTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final ExternalAccounts accounts;

	ExternalTokenConverter(ExternalAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String email = jwt.getClaimAsString("email");
		if (email == null || email.isBlank()) {
			throw refused("the token names no email");
		}
		UUID tenant = UUID.fromString(jwt.getClaimAsString(TokenValidation.TENANT_ID));
		ExternalAccounts.LocalAccount account = accounts.find(tenant, email.trim())
			.orElseThrow(() -> refused("no active local user for this token"));
		List<String> roles = account.roles().stream().sorted().toList();
		Jwt local = Jwt.withTokenValue(jwt.getTokenValue())
			.headers(headers -> headers.putAll(jwt.getHeaders()))
			.claims(claims -> {
				claims.putAll(jwt.getClaims());
				claims.put("external_sub", jwt.getSubject());
				claims.put("sub", account.userId().toString());
				claims.put("roles", roles);
				claims.remove("scope");
				claims.remove("scp");
				if (!account.scopes().isEmpty()) {
					claims.put("scope", String.join(" ", account.scopes().stream().sorted().toList()));
				}
			})
			.build();
		return new JwtAuthenticationToken(local,
				roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(), account.userId().toString());
	}

	private static OAuth2AuthenticationException refused(String why) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
	}

}

package com.whatsappflowhub.identity.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth 2.0 style answer of the token endpoints. An enrolment-only answer ({@code mfa_enrolment_required}) has
 * no refresh token, and its access token can do nothing but enrol a second factor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenPair(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
		@JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") @Nullable String refreshToken,
		@JsonProperty("mfa_enrolment_required") @Nullable Boolean mfaEnrolmentRequired) {

	TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken) {
		this(accessToken, tokenType, expiresIn, refreshToken, null);
	}

	static TokenPair enrolmentOnly(String accessToken, long expiresIn) {
		return new TokenPair(accessToken, "Bearer", expiresIn, null, true);
	}
}

package com.whatsappflowhub.identity.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth 2.0 style answer of the token endpoints. */
record TokenPair(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
		@JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken) {
}

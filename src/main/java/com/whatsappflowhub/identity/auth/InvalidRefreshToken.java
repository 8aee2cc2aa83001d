package com.whatsappflowhub.identity.auth;

import com.whatsappflowhub.platform.Unauthorized;

/** Unknown, expired, revoked or already used (which revokes its whole family). */
final class InvalidRefreshToken extends Unauthorized {

	InvalidRefreshToken() {
		super("invalid-refresh-token", "The refresh token is not valid. Sign in again.");
	}
}

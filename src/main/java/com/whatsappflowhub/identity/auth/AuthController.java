package com.whatsappflowhub.identity.auth;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

@Tag(name = "Auth")
@RestController
class AuthController {

	private final Sessions sessions;

	private final SigningKeys keys;

	AuthController(Sessions sessions, SigningKeys keys) {
		this.sessions = sessions;
		this.keys = keys;
	}

	/** @param otp the second factor, when the user enrolled one: a 6-digit TOTP code or a recovery code */
	record PasswordLogin(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password,
			@org.jspecify.annotations.Nullable @Size(max = 20) String otp) {
	}

	record Refresh(@JsonProperty("refresh_token") @NotBlank @Size(max = 200) String refreshToken) {
	}

	record RotatedKey(String kid) {
	}

	@Operation(operationId = "signIn", summary = "Sign in with e-mail and password", description = """
			Returns a 15-minute access token: send it as `Authorization: Bearer <access_token>`. The refresh token \
			gets the next pair from `POST /api/v1/auth/refresh` without the password. A wrong e-mail or password, or a \
			deactivated user, is 401 and the answer does not say which. When the tenant requires a second factor of \
			this user (`PUT /api/v1/settings/security`) and none is enrolled, the answer has \
			`"mfa_enrolment_required": true`, no refresh token, and an access token good for 10 minutes and only for \
			`POST /api/v1/auth/mfa/enroll` and `/confirm` (anything else is 403 `mfa-enrolment-only`); then sign in \
			again with `otp`.""")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "Signed in; the tokens are not cached (`Cache-Control: no-store`).")
	@ApiResponse(responseCode = "401", description = "Wrong e-mail or password, or the user is deactivated.")
	@PostMapping("/api/v1/auth/token")
	ResponseEntity<TokenPair> token(@Valid @RequestBody PasswordLogin login,
			jakarta.servlet.http.HttpServletRequest request) {
		// the peer's address; behind a proxy set server.forward-headers-strategy so that it is the client's
		return noStore(sessions.login(login.email().trim(), login.password(), login.otp(), request.getRemoteAddr()));
	}

	@Operation(operationId = "refreshToken", summary = "Exchange a refresh token for a new token pair", description = """
			A refresh token works once: the answer holds a new one. Presenting one that was already used revokes its \
			whole family (every token from the same sign-in), so a stolen refresh token stops working for both sides. \
			A user whose tenant now requires a second factor they have not enrolled is refused (401 \
			`mfa-enrolment-required`): sign in with the password to enrol.""")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "A new access token and a new refresh token.")
	@ApiResponse(responseCode = "401", description = "The refresh token is unknown, expired, revoked or already used.")
	@PostMapping("/api/v1/auth/refresh")
	ResponseEntity<TokenPair> refresh(@Valid @RequestBody Refresh refresh) {
		return noStore(sessions.refresh(refresh.refreshToken()));
	}

	/** Starts signing with a new key pair; the old public key stays in the JWKS until its tokens expire. */
	@Operation(operationId = "rotateSigningKey", summary = "Start signing tokens with a new key pair", description = """
			New access tokens are signed with the new key at once; the previous public key stays in the JWKS until the \
			tokens it signed have expired, so nobody is signed out.""")
	@PostMapping("/api/v1/admin/signing-keys/rotate")
	@PreAuthorize("hasRole('SUPER_ADMIN')")
	RotatedKey rotate() {
		RSAKey key = keys.rotate();
		return new RotatedKey(key.getKeyID());
	}

	@Operation(operationId = "jwks", summary = "Public keys that verify our access tokens (JWKS)", description = """
			RFC 7517 key set of the RS256 keys in use (`kid` in a token's header names its key). May be cached for \
			5 minutes; refetch on an unknown `kid`.""")
	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.body(keys.verificationKeys().toJSONObject(true));
	}

	private static ResponseEntity<TokenPair> noStore(TokenPair pair) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(pair);
	}
}

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

	@PostMapping("/api/v1/auth/token")
	ResponseEntity<TokenPair> token(@Valid @RequestBody PasswordLogin login,
			jakarta.servlet.http.HttpServletRequest request) {
		// the peer's address; behind a proxy set server.forward-headers-strategy so that it is the client's
		return noStore(sessions.login(login.email().trim(), login.password(), login.otp(), request.getRemoteAddr()));
	}

	@PostMapping("/api/v1/auth/refresh")
	ResponseEntity<TokenPair> refresh(@Valid @RequestBody Refresh refresh) {
		return noStore(sessions.refresh(refresh.refreshToken()));
	}

	/** Starts signing with a new key pair; the old public key stays in the JWKS until its tokens expire. */
	@PostMapping("/api/v1/admin/signing-keys/rotate")
	@PreAuthorize("hasRole('SUPER_ADMIN')")
	RotatedKey rotate() {
		RSAKey key = keys.rotate();
		return new RotatedKey(key.getKeyID());
	}

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

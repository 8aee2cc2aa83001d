package com.whatsappflowhub.identity.auth;

import java.util.UUID;

import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.identity.mfa.SecondFactor;
import com.whatsappflowhub.platform.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/mfa/enroll}: a new TOTP secret for the signed-in user (shown once, with its otpauth URI,
 * QR code and recovery codes); {@code POST /api/v1/auth/mfa/confirm} with the first code turns it on. From then on
 * sign-in asks for {@code otp}.
 */
@RestController
@PreAuthorize("!hasRole('API_CLIENT')")
@Tag(name = "Auth")
class MfaController {

	private final SecondFactor secondFactor;

	private final AuditLog audit;

	MfaController(SecondFactor secondFactor, AuditLog audit) {
		this.secondFactor = secondFactor;
		this.audit = audit;
	}

	record Confirm(@NotBlank @Size(max = 20) String code) {
	}

	@PostMapping("/api/v1/auth/mfa/enroll")
	@Operation(operationId = "enrollSecondFactor", summary = "Start enrolling a TOTP second factor", description = "The secret, an otpauth:// URI with its QR code, and ten recovery codes; the factor is on once confirmed with a code.")
	ResponseEntity<SecondFactor.Enrolment> enroll(@AuthenticationPrincipal Jwt jwt) {
		SecondFactor.Enrolment enrolment = secondFactor.enroll(user(jwt), String.valueOf(jwt.getClaimAsString("email")));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(enrolment);
	}

	@PostMapping("/api/v1/auth/mfa/confirm")
	@Operation(operationId = "confirmSecondFactor", summary = "Confirm the second factor with a code", description = "From then on sign-in asks for `otp` (a TOTP code or a recovery code, each usable once).")
	ResponseEntity<Void> confirm(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Confirm confirm) {
		secondFactor.confirm(user(jwt), confirm.code());
		audit.change(TenantContext.require(), "auth.mfa.enabled", "user:" + jwt.getSubject(), null);
		return ResponseEntity.noContent().build();
	}

	private static UserId user(Jwt jwt) {
		return new UserId(UUID.fromString(jwt.getSubject()));
	}
}

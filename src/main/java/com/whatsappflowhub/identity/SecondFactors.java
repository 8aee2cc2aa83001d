package com.whatsappflowhub.identity;

import java.util.List;

/**
 * TOTP second factors for surfaces with their own session (the dashboard's enrolment page): a new secret for a user
 * of the current tenant, and its confirmation with a first code, which turns it on (and is audited). The API's
 * {@code /api/v1/auth/mfa/*} operations do the same.
 */
public interface SecondFactors {

	/** What enrolment shows once: the base32 secret, its otpauth URI and QR code (a PNG data URL), recovery codes. */
	record Enrolment(String secret, String otpauthUri, String qrCode, List<String> recoveryCodes) implements java.io.Serializable {
	}

	/** Replaces an unconfirmed enrolment; refused (409) when a second factor is already on. */
	Enrolment enrol(UserId user, String email);

	/** @return whether the code matched and the second factor is now on */
	boolean confirm(UserId user, String code);
}

package com.whatsappflowhub.whatsapp.webhook;

/** The outcome of checking a webhook's {@code X-Hub-Signature-256} header. */
public enum SignatureCheck {

	/** The header holds the HMAC-SHA256 of the exact body bytes under the app secret. */
	VALID,
	/** No header, or an empty one. */
	MISSING,
	/** Not {@code sha256=} followed by 64 hex digits. */
	MALFORMED,
	/** Well formed, but not the HMAC of these bytes under this secret: forged, or the body was altered. */
	MISMATCH;

	public boolean isValid() {
		return this == VALID;
	}
}

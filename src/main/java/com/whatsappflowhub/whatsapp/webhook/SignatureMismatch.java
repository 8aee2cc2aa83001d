package com.whatsappflowhub.whatsapp.webhook;

/**
 * A webhook delivery whose {@code X-Hub-Signature-256} does not prove it came from Meta: the header is missing,
 * malformed, or does not match the HMAC of the body. Nothing of such a delivery may be stored.
 */
public final class SignatureMismatch extends Exception {

	private static final long serialVersionUID = 1L;

	private final SignatureCheck check;

	SignatureMismatch(SignatureCheck check) {
		super("webhook signature refused: " + check);
		this.check = check;
	}

	/** Why the signature was refused (never {@link SignatureCheck#VALID}). */
	public SignatureCheck check() {
		return check;
	}

	/** An app secret that is empty: it would make every signature trivially forgeable. */
	public static final class BlankAppSecret extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		BlankAppSecret() {
			super("the app secret must not be blank");
		}
	}
}

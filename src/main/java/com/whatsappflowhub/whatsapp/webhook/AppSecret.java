package com.whatsappflowhub.whatsapp.webhook;

/**
 * A Meta app secret, the key of the webhook signature. Its {@code toString} never shows it.
 */
public record AppSecret(String value) {

	public AppSecret {
		if (value.isBlank()) {
			throw new SignatureMismatch.BlankAppSecret();
		}
	}

	@Override
	public String toString() {
		return "AppSecret[****]";
	}
}

package com.whatsappflowhub.whatsapp.graph;

/**
 * A WhatsApp Business number we send from: its {@code phone_number_id} (the path segment of the messages endpoint)
 * and the access token to send with.
 */
public record BusinessNumber(String phoneNumberId, AccessToken token) {

	public BusinessNumber {
		if (phoneNumberId.isBlank()) {
			throw new GraphFailure.BlankCredential("phone number id");
		}
	}
}

package com.whatsappflowhub.whatsapp.graph;

/** A business number's Graph API access token. Its {@code toString} never shows it. */
public record AccessToken(String value) {

	public AccessToken {
		if (value.isBlank()) {
			throw new GraphFailure.BlankCredential("access token");
		}
	}

	@Override
	public String toString() {
		return "AccessToken[****]";
	}
}

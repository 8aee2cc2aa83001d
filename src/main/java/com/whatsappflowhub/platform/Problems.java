package com.whatsappflowhub.platform;

import java.net.URI;

/** Stable RFC 9457 problem types, shared by the API's error handler and the security entry points. */
public final class Problems {

	public static final String BASE = "https://whatsappflowhub.com/problems/";

	private Problems() {
	}

	public static URI type(String slug) {
		return URI.create(BASE + slug);
	}
}

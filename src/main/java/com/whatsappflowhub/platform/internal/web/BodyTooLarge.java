package com.whatsappflowhub.platform.internal.web;

import java.io.IOException;

/** An API request body past {@code flowhub.api.max-body-size}. */
class BodyTooLarge extends IOException {

	BodyTooLarge(long limit) {
		super("The request body is larger than " + limit + " bytes.");
	}
}

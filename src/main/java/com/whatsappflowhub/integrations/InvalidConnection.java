package com.whatsappflowhub.integrations;

import com.whatsappflowhub.platform.InvalidRequest;

/** A connection's type, configuration or credentials are not usable. API: 400 naming the field. */
public class InvalidConnection extends InvalidRequest {

	public InvalidConnection(String field, String problem) {
		super("invalid-connection", field + " " + problem);
	}
}

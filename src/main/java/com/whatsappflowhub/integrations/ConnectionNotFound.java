package com.whatsappflowhub.integrations;

import com.whatsappflowhub.platform.NotFound;

/** No such connection in the caller's tenant. API: 404. */
public class ConnectionNotFound extends NotFound {

	public ConnectionNotFound(ConnectionId id) {
		super("No connection " + id + ".");
	}
}

package com.whatsappflowhub.identity.tenant;

import com.whatsappflowhub.platform.NotFound;

public final class TenantNotFound extends NotFound {

	TenantNotFound(Object id) {
		super("No tenant " + id);
	}
}

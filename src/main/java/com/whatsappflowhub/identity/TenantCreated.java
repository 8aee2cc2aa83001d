package com.whatsappflowhub.identity;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/** A tenant now exists (published in the transaction that created it). {@code demo} marks the demo tenant. */
public record TenantCreated(TenantId tenantId, String slug, String name, String timezone, String locale,
		boolean demo) implements TenantScoped {
}

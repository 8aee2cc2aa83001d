package com.whatsappflowhub.whatsapp.number;

import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/**
 * A tenant registered a WhatsApp number (internal to the channel): what Meta delivered for it before, kept as
 * unroutable, is now stored for the tenant.
 */
public record NumberRegistered(TenantId tenantId, UUID numberId, String phoneNumberId, String businessAccountId)
		implements TenantScoped {
}

package com.whatsappflowhub.integrations.hooks;

import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/**
 * A message of the delivery log is to be sent to its endpoint: the command the delivery engine records (with the
 * publisher's transaction) and works off. It carries ids only; the body is the message's, fixed at fan-out time.
 */
public record WebhookDeliveryRequested(TenantId tenantId, long deliveryId, UUID endpointId) implements TenantScoped {
}

package com.whatsappflowhub.platform;

/**
 * An event (or command) that belongs to one tenant. An {@code @ApplicationModuleListener} whose first argument
 * is {@code TenantScoped} runs, transaction included, in that tenant's context, also when the event
 * publication registry resubmits it after a restart.
 */
public interface TenantScoped {

	TenantId tenantId();
}

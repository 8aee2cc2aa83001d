package com.whatsappflowhub.platform;

/**
 * Published (synchronously, after the work) each time the cross-tenant path was used; the audit trail records the
 * ones a person asked for (a super admin's listing or reading of other tenants).
 *
 * @param purpose the stable reason given to {@link CrossTenant#call}
 * @param actor who asked (a user id, e-mail or system component)
 */
public record CrossTenantAccessed(String purpose, String actor) {
}

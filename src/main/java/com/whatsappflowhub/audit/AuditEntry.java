package com.whatsappflowhub.audit;

import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * What happened, for the audit trail.
 *
 * @param tenant the tenant it concerns; {@code null} for platform-level events (a sign-in for an unknown e-mail)
 * @param actor who did it ({@code user:<id>}, {@code email:<address>}, {@code system:<component>})
 * @param action a stable verb phrase such as {@code auth.sign-in.failed}, {@code user.created}, {@code rule.deleted}
 * @param target what it was done to ({@code user:<id>}, {@code rule:<id>}), or {@code null}
 * @param clientAddress the caller's address, if it came over the network
 * @param detail a short, non-secret note, or {@code null}
 */
public record AuditEntry(@Nullable TenantId tenant, String actor, String action, @Nullable String target,
		@Nullable String clientAddress, @Nullable String detail) {
}

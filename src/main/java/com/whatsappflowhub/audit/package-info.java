/**
 * The append-only, tamper-evident audit trail: every recorded state change and access decision is a row with actor,
 * tenant, action, target, time and client address, and a SHA-256 hash chained to the previous row of the same
 * tenant. {@link com.whatsappflowhub.audit.AuditLog} records; {@code GET /api/v1/audit} reads;
 * {@code java -jar whatsappflowhub.jar audit verify} checks every chain.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = "platform")
@NullMarked
package com.whatsappflowhub.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

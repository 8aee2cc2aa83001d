/**
 * Cross-cutting code with no domain: tenant context, database access under row-level security, the audited
 * cross-tenant path, crypto (master key, envelope encryption), problem details, clock, security headers.
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package com.whatsappflowhub.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

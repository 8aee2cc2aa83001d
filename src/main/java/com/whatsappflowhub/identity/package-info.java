/**
 * Tenants, users, teams, roles, login and JWT issuing and validation (own issuer with JWKS, or an external
 * OIDC issuer).
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "platform", "audit" })
@NullMarked
package com.whatsappflowhub.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

package com.whatsappflowhub.identity.bootstrap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the very first start creates: the platform super admin and a {@code demo} tenant with its admin and a
 * few staff. A password left empty is generated and logged once.
 */
@ConfigurationProperties("flowhub.bootstrap")
record BootstrapSettings(@DefaultValue("true") boolean enabled, @DefaultValue("admin@flowhub.local") String adminEmail,
		@Nullable String adminPassword, @DefaultValue("UTC") String demoTimezone,
		@DefaultValue("admin@demo.flowhub.local") String demoAdminEmail, @Nullable String demoAdminPassword) {
}

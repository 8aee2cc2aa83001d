package com.whatsappflowhub.identity.tenant;

import java.time.Instant;
import java.util.Map;

import com.whatsappflowhub.platform.TenantId;

/** A company using the product. {@code platform} marks the operators' own tenant (where super admins live). */
public record Tenant(TenantId id, String name, String slug, String timezone, String locale, Status status,
		Map<String, Object> settings, boolean platform, Instant createdAt, Instant updatedAt) {

	public enum Status {

		ACTIVE, SUSPENDED

	}
}

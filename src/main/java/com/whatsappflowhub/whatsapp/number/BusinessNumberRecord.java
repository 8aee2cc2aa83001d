package com.whatsappflowhub.whatsapp.number;

import java.time.Instant;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A WhatsApp Business number of a tenant, as the API shows it: never its token or secrets, only whether it has them.
 *
 * @param status ACTIVE, or NEEDS_ATTENTION when Meta refused its token
 */
@org.springframework.modulith.NamedInterface("numbers")
public record BusinessNumberRecord(UUID id, TenantId tenantId, String phoneNumberId, String businessAccountId,
		String displayNumber, String status, @Nullable String statusReason, boolean hasAppSecret,
		boolean hasVerifyToken, @Nullable FallbackTemplate fallbackTemplate, Instant createdAt, Instant updatedAt) {

	public static final String ACTIVE = "ACTIVE";

	public static final String NEEDS_ATTENTION = "NEEDS_ATTENTION";

	/** The approved template sent instead of a free-form message outside the 24-hour window. */
	public record FallbackTemplate(String name, String language) {
	}
}

package com.whatsappflowhub.integrations;

import java.time.Instant;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * A call to a connected tool failed for good (one line of the sync log with outcome {@code FAILED}; transient
 * failures that are retried are not announced); published in the transaction that writes the line.
 */
public record IntegrationSyncFailed(TenantId tenantId, long logId, UUID connectionId, @Nullable UUID taskId,
		SyncLog.Direction direction, String operation, @Nullable Integer durationMs, @Nullable Integer httpStatus,
		@Nullable String error, Instant at) implements TenantScoped {
}

package com.whatsappflowhub.integrations;

import java.time.Instant;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * A call to a connected tool succeeded, or a change from it was applied (one line of the sync log with outcome
 * {@code OK}); published in the transaction that writes the line.
 *
 * @param logId the sync log line
 * @param direction {@code OUTBOUND} (we called the tool) or {@code INBOUND} (the tool told us)
 * @param operation what was done, e.g. {@code create}, {@code update}, {@code comment}, {@code status}
 */
public record IntegrationSynced(TenantId tenantId, long logId, UUID connectionId, @Nullable UUID taskId,
		SyncLog.Direction direction, String operation, @Nullable Integer durationMs, @Nullable Integer httpStatus,
		Instant at) implements TenantScoped {
}

package com.whatsappflowhub.platform;

import java.time.Instant;

/**
 * A stage's or delivery's work item used its last attempt (or was refused for good) and is a dead letter now,
 * visible and replayable through {@code /api/v1/dead-letters}. Published in the transaction that marks it, in its
 * tenant; the {@code events} module puts it on Kafka's {@code dead-letter-queue}.
 *
 * @param itemId the work item (the dead letter's id in the API)
 * @param stage the stage or delivery connector, e.g. {@code extraction.analysis}
 * @param key the item's key
 * @param eventType the class of the event the item carried
 * @param attempts attempts made
 */
public record WorkDeadLettered(TenantId tenantId, long itemId, String stage, String key, String eventType, int attempts,
		String error, Instant at) implements TenantScoped {
}

package com.whatsappflowhub.workflow;

import java.time.Instant;
import java.util.List;

/** A routing rule as stored and shown. Rules run in ascending {@code position}. */
public record Rule(RuleId id, String name, int position, boolean enabled, String condition, List<RuleAction> actions,
		boolean stopProcessing, Instant createdAt, Instant updatedAt) {
}

package com.whatsappflowhub.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/**
 * A customer's 24-hour window closes soon on a conversation that still has open tasks: after it, only a template
 * can reach them. Published once per window; notifications tell the tasks' assignees.
 */
public record CustomerWindowClosing(TenantId tenantId, UUID conversationId, Instant closesAt, List<TaskView> openTasks)
		implements TenantScoped {
}

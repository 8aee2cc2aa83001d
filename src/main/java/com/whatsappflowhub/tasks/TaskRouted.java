package com.whatsappflowhub.tasks;

import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/** Routing rules asked for a new task to be pushed to these connections ({@code push_to}), whatever their filter. */
public record TaskRouted(TaskView task, List<UUID> connections) implements TenantScoped {

	@Override
	public TenantId tenantId() {
		return task.tenantId();
	}
}

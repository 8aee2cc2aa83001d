package com.whatsappflowhub.tasks;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/** Published by the deadline watch; notifications turn it into a message to the assignee or the manager. */
public record TaskDueSoon(TaskView task) implements TenantScoped {

	@Override
	public TenantId tenantId() {
		return task.tenantId();
	}
}

package com.whatsappflowhub.tasks;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/** Published in the transaction that added the comment. */
public record TaskCommented(TaskView task, TaskManagement.Comment comment, Actor by) implements TenantScoped {

	@Override
	public TenantId tenantId() {
		return task.tenantId();
	}
}

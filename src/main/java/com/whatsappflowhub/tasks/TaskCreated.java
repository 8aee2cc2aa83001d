package com.whatsappflowhub.tasks;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/** Published in the transaction that changed the task; carries the task as it is afterwards. */
public record TaskCreated(TaskView task) implements TenantScoped {

	@Override
	public TenantId tenantId() {
		return task.tenantId();
	}
}

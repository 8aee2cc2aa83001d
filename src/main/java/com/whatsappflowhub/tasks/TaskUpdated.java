package com.whatsappflowhub.tasks;

import java.util.Set;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/** Published in the transaction that changed the task; carries the task as it is afterwards. */
public record TaskUpdated(TaskView task, Set<String> fields, Actor by) implements TenantScoped {

	@Override
	public TenantId tenantId() {
		return task.tenantId();
	}
}

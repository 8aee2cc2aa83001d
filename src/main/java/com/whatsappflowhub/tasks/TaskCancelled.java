package com.whatsappflowhub.tasks;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/** Published in the transaction that changed the task; carries the task as it is afterwards. */
public record TaskCancelled(TaskView task, Actor by, @Nullable String reason) implements TenantScoped {

	@Override
	public TenantId tenantId() {
		return task.tenantId();
	}
}

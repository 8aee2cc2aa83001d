package com.whatsappflowhub.tasks;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/** Published by the deadline watch; notifications turn it into a message to the assignee or the manager. */
public record TaskEscalated(TaskView task, @Nullable UserId manager) implements TenantScoped {

	@Override
	public TenantId tenantId() {
		return task.tenantId();
	}
}

package com.whatsappflowhub.workflow;

import java.util.UUID;

/**
 * Where a {@code push_to} action may send a task: implemented by the module that owns the connections, so that a
 * rule naming a connection the tenant does not have is refused when it is saved.
 */
public interface PushTargets {

	/** Whether the current tenant has this connection. */
	boolean exists(UUID connectionId);
}

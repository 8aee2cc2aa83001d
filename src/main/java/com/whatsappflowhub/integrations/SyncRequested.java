package com.whatsappflowhub.integrations;

import java.util.UUID;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * Work for one connection about one task, recorded in the transaction that changed the task. {@code CREATE} and
 * {@code UPDATE} push the task as it is when the call is made (so a burst of changes costs one call), {@code COMMENT}
 * adds one comment; {@code forced} (a routing rule's {@code push_to}) skips the connection's filter.
 */
public record SyncRequested(TenantId tenantId, UUID connectionId, String connectionType, UUID taskId,
		Operation operation, boolean forced, @Nullable UUID commentId, @Nullable String author,
		@Nullable String body) implements TenantScoped {

	public enum Operation {

		CREATE, UPDATE, COMMENT

	}
}

package com.whatsappflowhub.tasks;

import java.util.Set;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, and so which tasks they see (DESIGN §7): admins, viewers and scoped API clients the whole
 * tenant; a manager the tasks of their team and their own; a user the tasks assigned to them, created by them
 * or made from their own messages.
 */
public record Viewer(@Nullable UserId userId, Set<Role> roles, @Nullable TeamId teamId, Set<String> scopes) {

	public boolean seesWholeTenant() {
		return roles.contains(Role.SUPER_ADMIN) || roles.contains(Role.TENANT_ADMIN) || roles.contains(Role.VIEWER)
				|| (roles.contains(Role.API_CLIENT) && scopes.contains("tasks:read"));
	}

	public boolean isManager() {
		return roles.contains(Role.MANAGER);
	}

	/** May change tasks it can see (viewers and clients without {@code tasks:write} may not). */
	public boolean canWrite() {
		return roles.contains(Role.SUPER_ADMIN) || roles.contains(Role.TENANT_ADMIN) || roles.contains(Role.MANAGER)
				|| roles.contains(Role.USER) || (roles.contains(Role.API_CLIENT) && scopes.contains("tasks:write"));
	}

	public boolean sees(TaskView task) {
		if (seesWholeTenant()) {
			return true;
		}
		if (userId != null && (userId.equals(task.assigneeId()) || userId.equals(task.sourceSenderId())
				|| task.createdBy().equals("user:" + userId))) {
			return true;
		}
		return isManager() && teamId != null && teamId.equals(task.teamId());
	}
}

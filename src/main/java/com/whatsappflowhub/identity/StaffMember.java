package com.whatsappflowhub.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What other modules may know about a member of staff of the current tenant. */
public record StaffMember(UserId id, String name, String email, @Nullable String phone, Set<Role> roles,
		@Nullable TeamId teamId, boolean active) {
}

package com.whatsappflowhub.identity.user;

import java.time.Instant;

import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.platform.TenantId;

public record Team(TeamId id, TenantId tenantId, String name, Instant createdAt) {
}

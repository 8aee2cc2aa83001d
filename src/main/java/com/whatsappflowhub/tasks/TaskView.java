package com.whatsappflowhub.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;

/** A task as the API and other modules see it. */
public record TaskView(TaskId id, TenantId tenantId, String title, @Nullable String description, Priority priority,
		TaskStatus status, boolean suggested, @Nullable UserId assigneeId, @Nullable TeamId teamId,
		@Nullable Deadline deadline, @Nullable Double confidence, List<Evidence> evidence, List<String> labels,
		Map<String, ExternalRef> externalRefs, @Nullable UUID sourceMessageId, @Nullable UUID sourceConversationId,
		@Nullable UserId sourceSenderId, String createdBy, Instant createdAt, Instant updatedAt,
		@Nullable Instant completedAt, @Nullable Instant overdueAt, int version) {
}

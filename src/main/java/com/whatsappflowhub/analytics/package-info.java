/**
 * Productivity and pipeline metrics of a tenant over a period: messages per day, actionable share, tasks created,
 * completed and overdue per day, time from message to done (median and p90), workload and completion per assignee
 * and team, and the AI confirmation rate of the review queue. Computed by SQL over the tables the other modules own
 * (no second store), in the tenant's time zone; served as JSON and CSV under {@code /api/v1/analytics} and drawn by
 * the dashboard.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "platform", "identity", "tasks" })
@NullMarked
package com.whatsappflowhub.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

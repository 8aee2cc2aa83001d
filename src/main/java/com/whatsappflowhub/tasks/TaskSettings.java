package com.whatsappflowhub.tasks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reminderLead how long before a deadline the assignee is reminded
 * @param escalateAfter how long a task stays overdue before the team's manager is told
 * @param watchInterval how often the deadline watch runs
 * @param windowLead how long before a customer's 24-hour window closes the assignees are warned
 */
@ConfigurationProperties("flowhub.tasks")
record TaskSettings(@DefaultValue("1h") Duration reminderLead, @DefaultValue("4h") Duration escalateAfter,
		@DefaultValue("60s") Duration watchInterval, @DefaultValue("1h") Duration windowLead) {
}

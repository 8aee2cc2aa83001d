/**
 * The task aggregate and its lifecycle: creation (by hand, or from an analysed message), assignment, deadlines,
 * transitions, history and comments, overdue detection, and the task API.
 */
@ApplicationModule(displayName = "Tasks", allowedDependencies = { "platform", "identity", "workflow", "extraction", "inbox", "whatsapp", "audit" })
@NullMarked
package com.whatsappflowhub.tasks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

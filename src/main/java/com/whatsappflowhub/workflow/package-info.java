/**
 * Routing rules: per-tenant, ordered, a CEL condition over the message, its analysis, the task and the sender,
 * and actions (priority, assignment to a user or round-robin in a team, labels, notify the sender, require
 * confirmation, stop). A rule that fails at run time is recorded and skipped.
 */
@ApplicationModule(displayName = "Workflow", allowedDependencies = { "platform", "identity", "audit" })
@NullMarked
package com.whatsappflowhub.workflow;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

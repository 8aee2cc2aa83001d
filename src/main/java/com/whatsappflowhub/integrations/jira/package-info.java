/** Jira Cloud (REST API v3): issues from tasks, transitions by status category, webhooks back, reconciliation. */
@NullMarked
package com.whatsappflowhub.integrations.jira;

import org.jspecify.annotations.NullMarked;

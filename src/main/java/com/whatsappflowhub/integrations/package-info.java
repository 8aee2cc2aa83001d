/**
 * The way out to the team's tools and the customer's own systems, and the way back: per-tenant connections with
 * sealed credentials (Jira Cloud, Slack), a connector SPI, outbound sync of tasks on the delivery engine, inbound
 * webhooks (two-way sync, signature-checked), reconciliation of what a webhook missed, a sync log, and signed
 * outbound webhooks (CloudEvents over Standard Webhooks) to endpoints the tenant registers.
 */
@ApplicationModule(displayName = "Integrations",
		allowedDependencies = { "platform", "identity", "tasks", "workflow", "inbox", "extraction", "audit" })
@NullMarked
package com.whatsappflowhub.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

package com.whatsappflowhub.platform.internal.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

/** The document's tags in the order Swagger UI lists them, with what each holds. */
final class ApiTags {

	static final Map<String, String> DESCRIPTIONS = descriptions();

	private ApiTags() {
	}

	private static Map<String, String> descriptions() {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("Auth", "Sign in, refresh tokens, signing keys and the JWKS that verifies our tokens.");
		tags.put("Tasks", "The work found in conversations: list with filters and a cursor, create, change with "
				+ "`If-Match`, move through the lifecycle, assign, comment, read the history.");
		tags.put("Conversations", "Conversations and messages of the tenant, full-text search, and sending over WhatsApp.");
		tags.put("Contacts", "Data subject requests (GDPR) for a customer, by WhatsApp number: everything held about "
				+ "them as JSON, and erasure of their personal data (tenant admins).");
		tags.put("Rules", "Routing rules: CEL conditions and actions applied to every new task, in order; dry run.");
		tags.put("Numbers", "The tenant's WhatsApp Business numbers (Meta's phone number ids and their credentials).");
		tags.put("Users & teams", "The tenant's staff, their roles and teams.");
		tags.put("Tenants", "Tenants of the platform and their settings (super admins); a tenant's own second-factor "
				+ "requirement and audit retention (its admins).");
		tags.put("WhatsApp webhook", "Meta's callback: the subscription handshake and signed event deliveries. Called "
				+ "by Meta, not by integrators.");
		tags.put("Connections", "The tenant's connections to Jira, Slack and other tools: credentials sealed, tested "
				+ "against the vendor, which tasks go there (a CEL filter), and the sync log of every call.");
		tags.put("Integration webhooks", "Callbacks from connected tools (Jira webhooks, Slack interactivity), signed "
				+ "with the connection's secret. Called by the tools, not by integrators.");
		tags.put("Analytics", "Productivity and pipeline figures of a period, by day, assignee and team, as JSON or CSV.");
		tags.put("Audit", "The append-only, hash-chained audit trail.");
		tags.put("Dead letters", "Work of the pipeline and calls to external systems that failed for good: inspect, "
				+ "replay, discard.");
		tags.put("Platform operations", "What the webhook kept without a tenant, for the platform's operators.");
		return tags;
	}
}

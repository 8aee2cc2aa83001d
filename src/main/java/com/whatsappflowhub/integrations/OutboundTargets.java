package com.whatsappflowhub.integrations;

import java.net.URI;

/**
 * The SSRF rules for a URL a tenant gives us to call (a Jira site, a webhook endpoint): https, public addresses only,
 * checked when it is given and again before each call (a name may resolve elsewhere by then). Tests and demo mode
 * allow http and local addresses ({@code flowhub.integrations.webhooks.allow-private-targets}).
 */
public interface OutboundTargets {

	/** @return why the URL may not be called, or null when it may */
	@org.jspecify.annotations.Nullable String refusal(String url);

	default URI require(String url) {
		String refusal = refusal(url);
		if (refusal != null) {
			throw ConnectorFailure.permanent("the URL " + refusal, null);
		}
		return URI.create(url);
	}
}

package com.whatsappflowhub.whatsapp.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the Graph API's send endpoint the way Meta does, in demo mode only: every message is accepted with a
 * new wamid, and logged so the person trying the demo sees what would have gone to the customer.
 */
@RestController
class GraphSandbox {

	private static final Logger log = LoggerFactory.getLogger(GraphSandbox.class);

	private final DemoMode demo;

	GraphSandbox(DemoMode demo) {
		this.demo = demo;
	}

	@PostMapping("/sandbox/graph/{version}/{phoneNumberId}/messages")
	Map<String, Object> send(@PathVariable String version, @PathVariable String phoneNumberId,
			@RequestBody Map<String, Object> message) {
		if (!demo.enabled()) {
			throw new SandboxClosed();
		}
		if ("read".equals(message.get("status"))) {
			return Map.of("success", true);
		}
		Object to = message.getOrDefault("to", "");
		Object text = message.get("text") instanceof Map<?, ?> body ? body.get("body") : message.get("type");
		log.info("Sandbox: WhatsApp message to {} from number {}: {}", to, phoneNumberId, text);
		return Map.of("messaging_product", "whatsapp", "contacts", List.of(Map.of("input", to, "wa_id", to)),
				"messages", List.of(Map.of("id", "wamid.SANDBOX" + UUID.randomUUID().toString().replace("-", ""))));
	}

	/** Outside demo mode the sandbox does not exist. */
	static final class SandboxClosed extends com.whatsappflowhub.platform.NotFound {

		SandboxClosed() {
			super("No such endpoint");
		}
	}
}

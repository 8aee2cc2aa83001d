package com.whatsappflowhub.whatsapp.demo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the Graph API's send and phone-number endpoints the way Meta does, in demo mode only: every message is accepted with a
 * new wamid, and logged so the person trying the demo sees what would have gone to the customer.
 */
@RestController
class GraphSandbox {

	private static final Logger log = LoggerFactory.getLogger(GraphSandbox.class);

	private final DemoMode demo;

	private final Set<String> asked = new LinkedHashSet<>();

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

	/**
	 * Meta's {@code getPhoneNumberById}: in the sandbox every number exists for any token. The ids asked for are
	 * remembered (the last 1,000) so that the business-account listing below names them, as it does for a real
	 * number of that account.
	 */
	@GetMapping("/sandbox/graph/{version}/{phoneNumberId}")
	Map<String, Object> phoneNumber(@PathVariable String version, @PathVariable String phoneNumberId) {
		if (!demo.enabled()) {
			throw new SandboxClosed();
		}
		synchronized (asked) {
			asked.remove(phoneNumberId);
			asked.add(phoneNumberId);
			while (asked.size() > 1000) {
				asked.remove(asked.iterator().next());
			}
		}
		return Map.of("id", phoneNumberId, "display_phone_number", "+1 555 0100", "verified_name", "Sandbox business",
				"quality_rating", "GREEN");
	}

	/** Meta's {@code getWhatsAppBusinessAccountPhoneNumbers}: the numbers asked for lately, one page. */
	@GetMapping("/sandbox/graph/{version}/{businessAccountId}/phone_numbers")
	Map<String, Object> accountNumbers(@PathVariable String version, @PathVariable String businessAccountId) {
		if (!demo.enabled()) {
			throw new SandboxClosed();
		}
		List<Map<String, Object>> data;
		synchronized (asked) {
			data = asked.stream().map(id -> Map.<String, Object>of("id", id)).toList();
		}
		return Map.of("data", data);
	}

	/**
	 * Meta's {@code GET /{waba-id}/message_templates}: the sandbox's account has an approved greeting without
	 * variables, an approved update with two body variables (English and Spanish), and one template still in review,
	 * which a number may not send yet.
	 */
	@GetMapping("/sandbox/graph/{version}/{businessAccountId}/message_templates")
	Map<String, Object> templates(@PathVariable String version, @PathVariable String businessAccountId) {
		if (!demo.enabled()) {
			throw new SandboxClosed();
		}
		return Map.of("data", TEMPLATES, "paging", Map.of("cursors", Map.of("before", "MAZDZD", "after", "MjQZD")));
	}

	static final List<Map<String, Object>> TEMPLATES = List.of(
			template("1192339204654487", "hello_world", "en_US", "APPROVED", "UTILITY",
					"Hello! Thank you for writing to us. How can we help you today?"),
			template("920070352646140", "request_update", "en_US", "APPROVED", "UTILITY",
					"Hi {{1}}, an update on your request: {{2}}. Reply to this message to continue."),
			template("920070352646141", "request_update", "es", "APPROVED", "UTILITY",
					"Hola {{1}}, novedades sobre tu solicitud: {{2}}. Responde a este mensaje para continuar."),
			template("920070352646142", "winter_promo", "en_US", "PENDING", "MARKETING",
					"Hi {{1}}, our winter sale starts soon!"));

	private static Map<String, Object> template(String id, String name, String language, String status,
			String category, String body) {
		return Map.of("id", id, "name", name, "language", language, "status", status, "category", category,
				"components", List.of(Map.of("type", "BODY", "text", body)));
	}

	/** Outside demo mode the sandbox does not exist. */
	static final class SandboxClosed extends com.whatsappflowhub.platform.NotFound {

		SandboxClosed() {
			super("No such endpoint");
		}
	}
}

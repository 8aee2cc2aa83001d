package com.whatsappflowhub.whatsapp.webhook;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the webhook kept without a tenant: for the platform's operators only. */
@Tag(name = "Platform operations")
@RestController
@RequestMapping("/api/v1/whatsapp")
@PreAuthorize("hasRole('SUPER_ADMIN')")
@Validated
class WebhookAdminController {

	private final Quarantine quarantine;

	WebhookAdminController(Quarantine quarantine) {
		this.quarantine = quarantine;
	}

	@Operation(operationId = "listUnroutable", summary = "Deliveries for a number no tenant has", description = "Kept with their raw JSON so they can be replayed once the number is registered; newest first.")
	@GetMapping("/unroutable")
	List<Quarantine.Unroutable> unroutable(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return quarantine.unroutable(limit);
	}

	@Operation(operationId = "listQuarantined", summary = "Signed bodies that were not WhatsApp deliveries", description = "Kept for inspection with the reason; newest first.")
	@GetMapping("/quarantine")
	List<Quarantine.Quarantined> quarantined(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return quarantine.quarantined(limit);
	}
}

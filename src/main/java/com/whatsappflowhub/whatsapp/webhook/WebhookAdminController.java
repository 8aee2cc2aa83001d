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

/** What the webhook kept without a tenant: for the platform's operators only. */
@RestController
@RequestMapping("/api/v1/whatsapp")
@PreAuthorize("hasRole('SUPER_ADMIN')")
@Validated
class WebhookAdminController {

	private final Quarantine quarantine;

	WebhookAdminController(Quarantine quarantine) {
		this.quarantine = quarantine;
	}

	@GetMapping("/unroutable")
	List<Quarantine.Unroutable> unroutable(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return quarantine.unroutable(limit);
	}

	@GetMapping("/quarantine")
	List<Quarantine.Quarantined> quarantined(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return quarantine.quarantined(limit);
	}
}

package com.whatsappflowhub.whatsapp.number;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The tenant's WhatsApp Business numbers; tokens and secrets go in and never come out. */
@Tag(name = "Numbers")
@RestController
@RequestMapping("/api/v1/whatsapp/numbers")
@PreAuthorize("hasRole('TENANT_ADMIN')")
class NumberController {

	private final NumberManagement management;

	NumberController(NumberManagement management) {
		this.management = management;
	}

	record Template(@NotBlank @Size(max = 512) String name, @NotBlank @Pattern(regexp = "[a-zA-Z_]{2,10}") String language) {

		BusinessNumberRecord.FallbackTemplate value() {
			return new BusinessNumberRecord.FallbackTemplate(name, language);
		}
	}

	record RegisterNumber(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_\\-]+") String phoneNumberId,
			@NotBlank @Size(max = 64) String businessAccountId, @NotBlank @Size(max = 32) String displayNumber,
			@NotBlank @Size(max = 4096) String accessToken, @Nullable @Size(min = 8, max = 512) String appSecret,
			@Nullable @Size(min = 8, max = 512) String verifyToken, @Nullable @Valid Template fallbackTemplate) {
	}

	record ChangeNumber(@Nullable @Size(min = 1, max = 32) String displayNumber,
			@Nullable @Size(min = 1, max = 4096) String accessToken, @Nullable @Size(min = 8, max = 512) String appSecret,
			@Nullable Boolean clearAppSecret, @Nullable @Size(min = 8, max = 512) String verifyToken,
			@Nullable Boolean clearVerifyToken, @Nullable @Valid Template fallbackTemplate,
			@Nullable Boolean clearFallbackTemplate, @Nullable @Pattern(regexp = "ACTIVE|NEEDS_ATTENTION") String status) {
	}

	@Operation(operationId = "registerNumber", summary = "Register a WhatsApp Business number", description = """
			`phoneNumberId` and `businessAccountId` are Meta's ids; `accessToken` is the token we send with (stored \
			sealed, never shown again). `appSecret` and `verifyToken` are needed only when the number's webhook comes \
			from its own Meta app rather than the platform's. `fallbackTemplate` is sent when the 24-hour window is \
			closed. A phone number id registered already is 409.

			Before anything is stored the number is proved against Meta's Graph API with the supplied token: 			`GET /{phone-number-id}` must answer for that id and the number must be one of 			`GET /{business-account-id}/phone_numbers`. A refusal (bad token, unknown number, another account's 			number) is 400 `number-not-proved`; Meta unreachable is 503 `graph-unreachable`.""")
	@ApiResponse(responseCode = "201", description = "Registered; `Location` names it.")
	@ApiResponse(responseCode = "400", description = "Invalid, or Meta did not answer for the number with this token.")
	@ApiResponse(responseCode = "503", description = "The Graph API could not be reached; nothing was stored.")
	@PostMapping
	ResponseEntity<BusinessNumberRecord> register(@Valid @RequestBody RegisterNumber request) {
		BusinessNumberRecord number = management.register(new NumberManagement.Registration(request.phoneNumberId(),
				request.businessAccountId(), request.displayNumber(), request.accessToken(), request.appSecret(),
				request.verifyToken(), request.fallbackTemplate() == null ? null : request.fallbackTemplate().value()));
		return ResponseEntity.created(URI.create("/api/v1/whatsapp/numbers/" + number.id())).body(number);
	}

	@Operation(operationId = "listNumbers", summary = "List the tenant's numbers")
	@GetMapping
	List<BusinessNumberRecord> list() {
		return management.list();
	}

	@Operation(operationId = "getNumber", summary = "Read a number")
	@GetMapping("/{id}")
	BusinessNumberRecord get(@PathVariable UUID id) {
		return management.get(id);
	}

	@Operation(operationId = "changeNumber", summary = "Change a number's credentials, template or status", description = "Only the fields sent change; the `clear...` flags remove a secret, token or template.")
	@PatchMapping("/{id}")
	BusinessNumberRecord change(@PathVariable UUID id, @Valid @RequestBody ChangeNumber request) {
		return management.change(id, new NumberManagement.Change(request.displayNumber(), request.accessToken(),
				request.appSecret(), Boolean.TRUE.equals(request.clearAppSecret()), request.verifyToken(),
				Boolean.TRUE.equals(request.clearVerifyToken()),
				request.fallbackTemplate() == null ? null : request.fallbackTemplate().value(),
				Boolean.TRUE.equals(request.clearFallbackTemplate()), request.status()));
	}

	@Operation(operationId = "removeNumber", summary = "Remove a number", description = "Its deliveries are no longer routed to the tenant; the conversations stay.")
	@ApiResponse(responseCode = "204", description = "Removed.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		management.remove(id);
		return ResponseEntity.noContent().build();
	}
}

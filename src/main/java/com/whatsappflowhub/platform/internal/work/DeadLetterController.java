package com.whatsappflowhub.platform.internal.work;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters of the pipeline and the delivery engine: list (newest first, {@code before} = the last id of the
 * previous page), inspect, replay (due again now with fresh attempts) and discard. A tenant's administrator acts on
 * its tenant's; the super admin on every tenant's.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
@Validated
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	List<DeadLetters.DeadLetter> list(@RequestParam(required = false) @Nullable String stage,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
			@RequestParam(required = false) @Nullable Long before, Authentication caller) {
		return deadLetters.list(superAdmin(caller), caller.getName(), stage, limit, before);
	}

	@GetMapping("/{id}")
	DeadLetters.DeadLetter get(@PathVariable long id, Authentication caller) {
		return deadLetters.get(superAdmin(caller), caller.getName(), id);
	}

	@PostMapping("/{id}/replay")
	ResponseEntity<Void> replay(@PathVariable long id, Authentication caller) {
		deadLetters.replay(superAdmin(caller), caller.getName(), id);
		return ResponseEntity.accepted().build();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> discard(@PathVariable long id, Authentication caller) {
		deadLetters.discard(superAdmin(caller), caller.getName(), id);
		return ResponseEntity.noContent().build();
	}

	private static boolean superAdmin(Authentication caller) {
		return caller.getAuthorities().stream().anyMatch(a -> "ROLE_SUPER_ADMIN".equals(a.getAuthority()));
	}
}

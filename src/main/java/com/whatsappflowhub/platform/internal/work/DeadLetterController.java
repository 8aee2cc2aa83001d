package com.whatsappflowhub.platform.internal.work;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Dead letters")
@RequestMapping("/api/v1/dead-letters")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
@Validated
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	@Operation(operationId = "listDeadLetters", summary = "List dead letters", description = """
			Work of the pipeline's stages and calls of the delivery engine that failed for good: after their last \
			attempt, or refused by the far end. Newest first; `stage` filters (e.g. `whatsapp.sender-notice`), \
			`before` is the last id of the previous page. A tenant's administrator sees its tenant's, the super \
			admin every tenant's.""")
	List<DeadLetters.DeadLetter> list(@RequestParam(required = false) @Nullable String stage,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
			@RequestParam(required = false) @Nullable Long before, Authentication caller) {
		return deadLetters.list(superAdmin(caller), caller.getName(), stage, limit, before);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getDeadLetter", summary = "Read a dead letter", description = "The event that asked for the work, its attempts and its last error.")
	DeadLetters.DeadLetter get(@PathVariable long id, Authentication caller) {
		return deadLetters.get(superAdmin(caller), caller.getName(), id);
	}

	@PostMapping("/{id}/replay")
	@Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter", description = "Due again now, with its attempts counted afresh (202); the work must be idempotent, and is.")
	ResponseEntity<Void> replay(@PathVariable long id, Authentication caller) {
		deadLetters.replay(superAdmin(caller), caller.getName(), id);
		return ResponseEntity.accepted().build();
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "discardDeadLetter", summary = "Discard a dead letter", description = "The work is dropped for good (204).")
	ResponseEntity<Void> discard(@PathVariable long id, Authentication caller) {
		deadLetters.discard(superAdmin(caller), caller.getName(), id);
		return ResponseEntity.noContent().build();
	}

	private static boolean superAdmin(Authentication caller) {
		return caller.getAuthorities().stream().anyMatch(a -> "ROLE_SUPER_ADMIN".equals(a.getAuthority()));
	}
}

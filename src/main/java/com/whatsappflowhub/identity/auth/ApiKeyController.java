package com.whatsappflowhub.identity.auth;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.platform.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's API keys: created with scopes (the key is shown in this answer only), listed, revoked. */
@RestController
@RequestMapping("/api/v1/api-keys")
@PreAuthorize("hasRole('TENANT_ADMIN')")
@Tag(name = "Users & teams")
class ApiKeyController {

	private final ApiKeys keys;

	private final AuditLog audit;

	ApiKeyController(ApiKeys keys, AuditLog audit) {
		this.keys = keys;
		this.audit = audit;
	}

	record NewKey(@NotBlank @Size(max = 200) String name, @NotNull @Size(max = 10) List<@NotBlank @Size(max = 50) String> scopes) {
	}

	@PostMapping
	@Operation(operationId = "createApiKey", summary = "Create an API key", description = "For the API_CLIENT role, with scopes; the `fh_live_` key is shown once, in this answer, and stored hashed.")
	ResponseEntity<ApiKeys.Created> create(@Valid @RequestBody NewKey request, Authentication caller) {
		UUID by = null;
		try {
			by = UUID.fromString(caller.getName());
		}
		catch (IllegalArgumentException notAUser) {
			// keys cannot create keys (TENANT_ADMIN only), but stay safe
		}
		ApiKeys.Created created = keys.create(request.name(), request.scopes(), by);
		audit.change(TenantContext.require(), "api-key.created", "api-key:" + created.id(), String.join(" ", created.scopes()));
		return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.id()))
			.cacheControl(CacheControl.noStore())
			.body(created);
	}

	@GetMapping
	@Operation(operationId = "listApiKeys", summary = "List the API keys", description = "Names, scopes, prefixes and last use; never the keys.")
	List<ApiKeys.ApiKey> list() {
		return keys.list();
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		keys.revoke(id);
		audit.change(TenantContext.require(), "api-key.revoked", "api-key:" + id, null);
		return ResponseEntity.noContent().build();
	}
}

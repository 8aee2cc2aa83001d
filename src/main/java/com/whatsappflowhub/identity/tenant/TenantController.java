package com.whatsappflowhub.identity.tenant;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.user.UserManagement;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Tenants")
@RestController
@RequestMapping("/api/v1/tenants")
@PreAuthorize("hasRole('SUPER_ADMIN')")
@Validated
class TenantController {

	private final TenantManagement tenants;

	TenantController(TenantManagement tenants) {
		this.tenants = tenants;
	}

	record Admin(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name,
			@NotBlank @Size(min = 10, max = 200) String password) {
	}

	record CreateTenant(@NotBlank @Size(max = 200) String name,
			@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$") String slug, @Nullable String timezone,
			@Nullable String locale, @NotNull @Valid Admin admin) {
	}

	record ChangeTenant(@Nullable @Size(min = 1, max = 200) String name, @Nullable String timezone,
			@Nullable String locale, Tenant.@Nullable Status status, @Nullable Map<String, Object> settings) {
	}

	record CreatedTenantView(Tenant tenant, UUID adminId) {
	}

	@Operation(operationId = "createTenant", summary = "Create a tenant with its first administrator", description = """
			`slug` is unique across the platform (409 `slug-taken`). `timezone` is an IANA zone (default `UTC`), \
			`locale` a BCP-47 tag (default `en`); an unknown one is 400 `invalid-timezone` / `invalid-locale`. The \
			administrator can sign in at once with the password given.""")
	@ApiResponse(responseCode = "201", description = "Created; `Location` names the tenant.")
	@PostMapping
	ResponseEntity<CreatedTenantView> create(@Valid @RequestBody CreateTenant request) {
		var created = tenants.create(new TenantManagement.NewTenant(request.name(), request.slug(),
				zone(request.timezone() == null ? "UTC" : request.timezone()),
				locale(request.locale() == null ? "en" : request.locale()), false,
				new UserManagement.NewUser(request.admin().email(), request.admin().name(), null,
						request.admin().password(), EnumSet.of(Role.TENANT_ADMIN), null)));
		return ResponseEntity.created(URI.create("/api/v1/tenants/" + created.tenant().id()))
			.body(new CreatedTenantView(created.tenant(), created.admin().id().value()));
	}

	@Operation(operationId = "listTenants", summary = "List the tenants", description = "A page of up to `limit` tenants from `offset`.")
	@GetMapping
	List<Tenant> list(Authentication caller, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return tenants.list(caller.getName(), limit, offset);
	}

	@Operation(operationId = "getTenant", summary = "Read a tenant")
	@GetMapping("/{id}")
	Tenant get(Authentication caller, @PathVariable UUID id) {
		return tenants.get(caller.getName(), new TenantId(id));
	}

	@Operation(operationId = "changeTenant", summary = "Change a tenant's name, zone, locale, status or settings", description = """
			Only the fields sent change. `status: SUSPENDED` suspends the tenant. `settings` is the tenant's settings \
			document, for example the pipeline's confidence thresholds and sender notices: \
			`{"pipeline": {"autoThreshold": 0.7, "suggestThreshold": 0.45, "notifySender": true}}`.""")
	@PatchMapping("/{id}")
	Tenant change(@PathVariable UUID id, @Valid @RequestBody ChangeTenant request) {
		return tenants.change(new TenantId(id),
				new TenantManagement.TenantChanges(request.name(),
						request.timezone() == null ? null : zone(request.timezone()),
						request.locale() == null ? null : locale(request.locale()), request.status(),
						request.settings()));
	}

	static String zone(String zone) {
		try {
			return ZoneId.of(zone).getId();
		}
		catch (DateTimeException ex) {
			throw new InvalidTenantSetting("timezone", zone + " is not a known time zone");
		}
	}

	static String locale(String tag) {
		Locale locale = Locale.forLanguageTag(tag);
		if (locale.getLanguage().isEmpty()) {
			throw new InvalidTenantSetting("locale", tag + " is not a BCP-47 language tag");
		}
		return locale.toLanguageTag();
	}

	static final class InvalidTenantSetting extends InvalidRequest {

		InvalidTenantSetting(String field, String detail) {
			super("invalid-" + field, detail);
		}
	}
}

package com.whatsappflowhub.identity.tenant;

import java.util.HashMap;
import java.util.Map;

import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/settings/security}: the caller's tenant's sign-in and audit rules, set by its administrator. They
 * live in the tenant's settings document ({@code security.mfa}, {@code audit.retentionDays}), which a super admin
 * can also change through {@code PATCH /api/v1/tenants/{id}}.
 */
@RestController
@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'SUPER_ADMIN')")
@Tag(name = "Tenants")
class SecuritySettingsController {

	private final TenantManagement tenants;

	private final AuditLog audit;

	SecuritySettingsController(TenantManagement tenants, AuditLog audit) {
		this.tenants = tenants;
		this.audit = audit;
	}

	/**
	 * @param mfaRequired who must sign in with a second factor: {@code OFF}, {@code ADMINS} (tenant and super admins)
	 * or {@code EVERYONE}; whoever must and has not enrolled gets, at sign-in, a token that can only enrol
	 * @param auditRetentionDays audit rows older than this are purged (an anchor row keeps the chain verifiable);
	 * {@code null} keeps them for ever
	 */
	record SecuritySettings(@NotNull MfaRequirement mfaRequired, @Nullable @Min(7) @Max(36500) Integer auditRetentionDays) {
	}

	@GetMapping("/api/v1/settings/security")
	@Operation(operationId = "getSecuritySettings", summary = "Read the tenant's second-factor requirement and audit retention")
	SecuritySettings get() {
		Tenant tenant = current();
		return of(tenant.settings());
	}

	@PutMapping("/api/v1/settings/security")
	@Operation(operationId = "setSecuritySettings", summary = "Set the tenant's second-factor requirement and audit retention", description = """
			`mfaRequired: ADMINS` makes every tenant admin (and super admin) enrol a TOTP second factor: until they \
			have, signing in gives only a token that can enrol (`POST /api/v1/auth/mfa/enroll` and `/confirm`), \
			refresh tokens are refused, and the dashboard shows only the enrolment page. `EVERYONE` asks it of every \
			person. `auditRetentionDays` (7 to 36500, or null for ever) purges older audit rows every few hours, \
			leaving an anchor row from which `audit verify` checks the rest.""")
	SecuritySettings set(@Valid @RequestBody SecuritySettings settings) {
		Tenant tenant = current();
		Map<String, Object> document = new HashMap<>(tenant.settings());
		Map<String, Object> security = section(document, "security");
		security.put("mfa", settings.mfaRequired().name());
		document.put("security", security);
		Map<String, Object> auditSection = section(document, "audit");
		if (settings.auditRetentionDays() == null) {
			auditSection.remove("retentionDays");
		}
		else {
			auditSection.put("retentionDays", settings.auditRetentionDays());
		}
		document.put("audit", auditSection);
		Tenant changed = tenants.change(tenant.id(), new TenantManagement.TenantChanges(null, null, null, null, document));
		audit.change(tenant.id(), "settings.security.changed", "tenant:" + tenant.id(),
				"mfaRequired " + settings.mfaRequired() + ", auditRetentionDays "
						+ (settings.auditRetentionDays() == null ? "none" : settings.auditRetentionDays()));
		return of(changed.settings());
	}

	private Tenant current() {
		TenantId id = TenantContext.require();
		return tenants.current().orElseThrow(() -> new TenantNotFound(id));
	}

	private static Map<String, Object> section(Map<String, Object> document, String name) {
		Object section = document.get(name);
		Map<String, Object> copy = new HashMap<>();
		if (section instanceof Map<?, ?> map) {
			map.forEach((key, value) -> copy.put(String.valueOf(key), value));
		}
		return copy;
	}

	static SecuritySettings of(Map<String, Object> settings) {
		Object auditSection = settings.get("audit");
		Object days = auditSection instanceof Map<?, ?> map ? map.get("retentionDays") : null;
		return new SecuritySettings(MfaRequirement.of(settings), days instanceof Number number ? number.intValue() : null);
	}
}

package com.whatsappflowhub.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit}: a TENANT_ADMIN reads its tenant's trail, a SUPER_ADMIN every tenant's and the
 * platform's (through the audited cross-tenant path). Filters: action (prefix), actor, target, from, to; newest
 * first; {@code limit} up to 500.
 */
@RestController
@Validated
@Tag(name = "Audit")
class AuditController {

	private final JdbcClient jdbc;

	private final CrossTenant crossTenant;

	AuditController(JdbcClient jdbc, CrossTenant crossTenant) {
		this.jdbc = jdbc;
		this.crossTenant = crossTenant;
	}

	record AuditRow(long seq, String chain, @Nullable UUID tenantId, Instant at, String actor, String action,
			@Nullable String target, @Nullable String clientAddress, @Nullable String detail, String hash) {
	}

	@GetMapping("/api/v1/audit")
	@Operation(operationId = "listAuditEvents", summary = "Read the audit trail", description = "Append-only, hash-chained per tenant; filters by actor, action, target and time. A tenant admin reads its tenant, the super admin every tenant.")
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
	@Transactional(readOnly = true)
	public List<AuditRow> list(Authentication caller, @RequestParam(required = false) @Nullable @Size(max = 200) String action,
			@RequestParam(required = false) @Nullable @Size(max = 500) String actor,
			@RequestParam(required = false) @Nullable @Size(max = 500) String target,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		boolean platform = caller.getAuthorities().stream().anyMatch(a -> "ROLE_SUPER_ADMIN".equals(a.getAuthority()));
		StringBuilder sql = new StringBuilder("SELECT seq, chain, tenant_id, at, actor, action, target, client_address, "
				+ "detail, hash FROM audit_event WHERE true");
		List<Object> params = new ArrayList<>();
		if (!platform) {
			sql.append(" AND tenant_id = ?");
			params.add(TenantContext.require().value());
		}
		if (action != null) {
			sql.append(" AND action LIKE ? ESCAPE '\\'");
			params.add(action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("\u0000", "") + "%");
		}
		if (actor != null) {
			sql.append(" AND actor = ?");
			params.add(actor.replace("\u0000", ""));
		}
		if (target != null) {
			sql.append(" AND target = ?");
			params.add(target.replace("\u0000", ""));
		}
		if (from != null) {
			sql.append(" AND at >= ?");
			params.add(Timestamp.from(from));
		}
		if (to != null) {
			sql.append(" AND at < ?");
			params.add(Timestamp.from(to));
		}
		sql.append(" ORDER BY at DESC, seq DESC LIMIT ").append(limit);
		if (platform) {
			return crossTenant.call("audit:read", caller.getName(), () -> query(sql.toString(), params));
		}
		return query(sql.toString(), params);
	}

	private List<AuditRow> query(String sql, List<Object> params) {
		return jdbc.sql(sql)
			.params(params)
			.query((rs, row) -> new AuditRow(rs.getLong("seq"), rs.getString("chain"), rs.getObject("tenant_id", UUID.class),
					rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("target"),
					rs.getString("client_address"), rs.getString("detail"), rs.getString("hash")))
			.list();
	}
}

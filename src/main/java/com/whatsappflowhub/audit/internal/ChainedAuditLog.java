package com.whatsappflowhub.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import com.whatsappflowhub.audit.AuditEntry;
import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends a row to its tenant's chain: the chain is locked for the transaction (an advisory lock per chain), the
 * last row's hash read, the new row hashed onto it. A tenant's rows are written in that tenant's transaction
 * (joining the caller's); platform rows through the audited cross-tenant path.
 */
@Component
class ChainedAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final CrossTenant crossTenant;

	private final Clock clock;

	ChainedAuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, CrossTenant crossTenant, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.crossTenant = crossTenant;
		this.clock = clock;
	}

	@Override
	public void record(AuditEntry entry) {
		TenantId tenant = entry.tenant();
		if (tenant == null) {
			crossTenant.call("audit:platform", entry.actor(), () -> {
				append(entry, null);
				return null;
			});
			return;
		}
		boolean sameTenant = TenantContext.current().filter(tenant::equals).isPresent();
		if (sameTenant) {
			transactions.executeWithoutResult(status -> append(entry, tenant.toString()));
		}
		else {
			TenantContext.runAs(tenant, () -> {
				TransactionTemplate separate = new TransactionTemplate(transactions.getTransactionManager());
				separate.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
				separate.executeWithoutResult(status -> append(entry, tenant.toString()));
			});
		}
	}

	@Override
	public void change(@Nullable TenantId tenant, String action, @Nullable String target, @Nullable String detail) {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		String actor = authentication != null && authentication.isAuthenticated() && authentication.getName() != null
				&& !"anonymousUser".equals(authentication.getName()) ? "user:" + authentication.getName() : "system";
		record(new AuditEntry(tenant, actor, action, target, clientAddress(), detail));
	}

	@Override
	public void changeBy(TenantId tenant, String actor, String action, @Nullable String target, @Nullable String detail) {
		record(new AuditEntry(tenant, actor, action, target, clientAddress(), detail));
	}

	/** The address of the API request being served on this thread, if any. */
	static @Nullable String clientAddress() {
		if (org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
			return servlet.getRequest().getRemoteAddr();
		}
		return null;
	}

	/** Access decisions that matter, from the API's error handler. */
	@org.springframework.context.event.EventListener
	void on(com.whatsappflowhub.platform.AccessDenied denied) {
		// a phone number in the path (a contact's data subject request) is not kept: audit rows are never erased
		change(TenantContext.current().orElse(null), "access.denied", denied.path().replaceAll("\\+?\\d{7,}", "{number}"),
				denied.reason());
	}

	/**
	 * A person's use of the cross-tenant path (a super admin listing or reading other tenants: the actor is a user
	 * id), on the platform's chain; the system's own uses (sign-in lookup, webhook routing, sweeps) stay in
	 * {@code cross_tenant_access} only, and writing this row (itself cross-tenant) is not recorded again.
	 */
	@org.springframework.context.event.EventListener
	void on(com.whatsappflowhub.platform.CrossTenantAccessed accessed) {
		if (accessed.purpose().startsWith("audit:platform") || !isUserId(accessed.actor())) {
			return;
		}
		record(new AuditEntry(null, "user:" + accessed.actor(), "cross-tenant.access", accessed.purpose(), clientAddress(),
				null));
	}

	private static boolean isUserId(String actor) {
		try {
			return UUID.fromString(actor).toString().equals(actor.toLowerCase());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private void append(AuditEntry entry, @Nullable String tenantId) {
		String chain = AuditChain.chainOf(tenantId);
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(chain).query().singleRow();
		var last = jdbc.sql("SELECT seq, hash FROM audit_event WHERE chain = ? ORDER BY seq DESC LIMIT 1")
			.param(chain)
			.query((rs, row) -> new Object[] { rs.getLong("seq"), rs.getString("hash") })
			.optional();
		long seq = last.map(l -> (Long) l[0] + 1).orElse(1L);
		String previous = last.map(l -> (String) l[1]).orElse(AuditChain.GENESIS);
		AuditChain.Row row = new AuditChain.Row(chain, seq, tenantId, AuditChain.truncate(clock.instant()), clip(entry.actor()),
				clip(entry.action()), clipNullable(entry.target()), clipNullable(entry.clientAddress()),
				clipNullable(entry.detail()));
		String hash = AuditChain.hash(previous, row);
		jdbc.sql("""
				INSERT INTO audit_event (id, chain, seq, tenant_id, at, actor, action, target, client_address, detail,
				  prev_hash, hash) VALUES (?, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), chain, seq, tenantId, Timestamp.from(row.at()), row.actor(), row.action(), row.target(),
					row.clientAddress(), row.detail(), previous, hash)
			.update();
	}

	private static String clip(String value) {
		String clean = value.replace("\u0000", "");
		return clean.length() > 500 ? clean.substring(0, 500) : clean;
	}

	private static @Nullable String clipNullable(@Nullable String value) {
		return value == null ? null : clip(value);
	}
}

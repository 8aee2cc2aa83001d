package com.whatsappflowhub.identity.tenant;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TenantCreated;
import com.whatsappflowhub.identity.user.User;
import com.whatsappflowhub.identity.user.UserManagement;
import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and changes tenants. A new tenant is written in its own tenant context, together with its first
 * administrator, in one transaction; listing and reading other tenants go through the audited cross-tenant
 * path.
 */
@Service
public class TenantManagement {

	private final Tenants tenants;

	private final UserManagement users;

	private final CrossTenant crossTenant;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final com.whatsappflowhub.audit.AuditLog audit;

	TenantManagement(Tenants tenants, UserManagement users, CrossTenant crossTenant,
			PlatformTransactionManager transactionManager, Clock clock, ApplicationEventPublisher events,
			com.whatsappflowhub.audit.AuditLog audit) {
		this.audit = audit;
		this.events = events;
		this.tenants = tenants;
		this.users = users;
		this.crossTenant = crossTenant;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	public record NewTenant(String name, String slug, String timezone, String locale, boolean platform,
			UserManagement.NewUser admin) {
	}

	public record TenantChanges(@Nullable String name, @Nullable String timezone, @Nullable String locale,
			Tenant.@Nullable Status status, @Nullable Map<String, Object> settings) {
	}

	public record CreatedTenant(Tenant tenant, User admin) {
	}

	public CreatedTenant create(NewTenant request) {
		Instant now = clock.instant();
		Tenant tenant = new Tenant(new TenantId(UUID.randomUUID()), request.name().trim(), request.slug(),
				request.timezone(), request.locale(), Tenant.Status.ACTIVE, Map.of(), request.platform(), now, now);
		Set<Role> system = EnumSet.allOf(Role.class);
		return TenantContext.callAs(tenant.id(), () -> transactions.execute(status -> {
			try {
				tenants.insert(tenant);
			}
			catch (DuplicateKeyException ex) {
				throw new SlugTaken(tenant.slug());
			}
			audit.change(tenant.id(), "tenant.created", "tenant:" + tenant.id(), tenant.slug());
			User admin = users.create(request.admin(), system);
			events.publishEvent(new TenantCreated(tenant.id(), tenant.slug(), tenant.name(), tenant.timezone(),
					tenant.locale(), "demo".equals(tenant.slug())));
			return new CreatedTenant(tenant, admin);
		}));
	}

	public List<Tenant> list(String actor, int limit, int offset) {
		return crossTenant.call("tenant-admin:list", actor, () -> tenants.findAll(limit, offset));
	}

	public Tenant get(String actor, TenantId id) {
		return crossTenant.call("tenant-admin:read", actor, () -> tenants.findById(id))
			.orElseThrow(() -> new TenantNotFound(id));
	}

	/** The tenant the caller acts for (no cross-tenant access needed). */
	public Optional<Tenant> current() {
		return transactions.execute(status -> tenants.findById(TenantContext.require()));
	}

	public Optional<Tenant> findBySlug(String actor, String slug) {
		return crossTenant.call("tenant-admin:read", actor, () -> tenants.findBySlug(slug));
	}

	public boolean anyExists() {
		return crossTenant.call("bootstrap", "system", () -> tenants.count() > 0);
	}

	public Tenant change(TenantId id, TenantChanges changes) {
		return TenantContext.callAs(id, () -> transactions.execute(status -> {
			Tenant current = tenants.findById(id).orElseThrow(() -> new TenantNotFound(id));
			Tenant changed = new Tenant(current.id(), changes.name() == null ? current.name() : changes.name().trim(),
					current.slug(), changes.timezone() == null ? current.timezone() : changes.timezone(),
					changes.locale() == null ? current.locale() : changes.locale(),
					changes.status() == null ? current.status() : changes.status(),
					changes.settings() == null ? current.settings() : changes.settings(), current.platform(),
					current.createdAt(), clock.instant());
			tenants.update(changed);
			audit.change(id, "tenant.changed", "tenant:" + id, (changes.status() != null ? "status " + changes.status() + " " : "")
					+ (changes.settings() != null ? "settings" : ""));
			return changed;
		}));
	}
}

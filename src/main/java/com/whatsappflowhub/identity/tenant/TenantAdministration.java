package com.whatsappflowhub.identity.tenant;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.whatsappflowhub.identity.Administration;
import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.identity.user.Team;
import com.whatsappflowhub.identity.user.User;
import com.whatsappflowhub.identity.user.UserManagement;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Administration} on the same services as the users, teams and tenants API. */
@Service
class TenantAdministration implements Administration {

	private static final int ALL = 10_000;

	private final UserManagement users;

	private final TenantManagement tenants;

	TenantAdministration(UserManagement users, TenantManagement tenants) {
		this.users = users;
		this.tenants = tenants;
	}

	@Override
	public List<Member> members() {
		return users.users(ALL, 0)
			.stream()
			.map(TenantAdministration::member)
			.sorted(Comparator.comparing(Member::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	@Override
	public Member create(NewMember member, Set<Role> grantedBy) {
		return member(users.create(new UserManagement.NewUser(member.email(), member.name(), null, member.password(),
				member.roles(), member.teamId()), grantedBy));
	}

	@Override
	@Transactional
	public Member change(UserId user, Set<Role> roles, @Nullable TeamId team, boolean active, Set<Role> grantedBy) {
		User current = users.user(user);
		if (team == null && current.teamId() != null) {
			users.leave(current.teamId(), user);
		}
		return member(users.change(user, new UserManagement.UserChanges(null, null, roles, team, active, null, null),
				grantedBy));
	}

	@Override
	public Directory.TeamRef createTeam(String name) {
		Team team = users.createTeam(name);
		return new Directory.TeamRef(team.id(), team.name());
	}

	@Override
	public void changeTenant(String timezone, String locale, String section, Map<String, Object> values) {
		TenantId id = TenantContext.require();
		Tenant current = tenants.current().orElseThrow(() -> new TenantNotFound(id));
		Map<String, Object> settings = new HashMap<>(current.settings());
		settings.put(section, Map.copyOf(values));
		tenants.change(id, new TenantManagement.TenantChanges(null, TenantController.zone(timezone),
				TenantController.locale(locale), null, settings));
	}

	@Override
	public List<TenantSummary> tenants(String actor) {
		return tenants.list(actor, ALL, 0).stream().map(TenantAdministration::summary).toList();
	}

	@Override
	public TenantSummary createTenant(NewTenant tenant) {
		return summary(tenants.create(new TenantManagement.NewTenant(tenant.name(), tenant.slug(),
				TenantController.zone(tenant.timezone()), TenantController.locale(tenant.locale()), false,
				new UserManagement.NewUser(tenant.adminEmail(), tenant.adminName(), null, tenant.adminPassword(),
						EnumSet.of(Role.TENANT_ADMIN), null)))
			.tenant());
	}

	@Override
	public TenantSummary suspend(TenantId tenant, boolean suspended) {
		return summary(tenants.change(tenant, new TenantManagement.TenantChanges(null, null, null,
				suspended ? Tenant.Status.SUSPENDED : Tenant.Status.ACTIVE, null)));
	}

	private static Member member(User user) {
		return new Member(user.id(), user.email(), user.name(), user.roles(), user.teamId(), user.active(),
				user.lastLoginAt());
	}

	private static TenantSummary summary(Tenant tenant) {
		return new TenantSummary(tenant.id(), tenant.name(), tenant.slug(), tenant.timezone(), tenant.locale(),
				tenant.status() == Tenant.Status.SUSPENDED, tenant.platform(), tenant.createdAt());
	}
}

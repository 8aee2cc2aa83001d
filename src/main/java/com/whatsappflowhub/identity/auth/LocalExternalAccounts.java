package com.whatsappflowhub.identity.auth;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.user.Users;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class LocalExternalAccounts implements ExternalAccounts {

	private final Users users;

	private final TransactionTemplate transactions;

	LocalExternalAccounts(Users users, PlatformTransactionManager transactionManager) {
		this.users = users;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
	}

	@Override
	public Optional<LocalAccount> find(UUID tenantId, String email) {
		return TenantContext.callAs(new TenantId(tenantId), () -> transactions.execute(status -> users.findInTenant(email)))
			.filter(found -> found.tenantActive() && found.user().active())
			.map(found -> new LocalAccount(found.user().id().value(),
					found.user().roles().stream().map(Role::name).collect(Collectors.toSet()), found.user().scopes()));
	}
}

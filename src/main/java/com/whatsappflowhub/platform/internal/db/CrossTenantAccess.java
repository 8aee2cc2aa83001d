package com.whatsappflowhub.platform.internal.db;

import java.util.function.Supplier;

import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.CrossTenantAccessed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class CrossTenantAccess implements CrossTenant {

	private static final Logger log = LoggerFactory.getLogger(CrossTenantAccess.class);

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	CrossTenantAccess(PlatformTransactionManager transactionManager, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
	}

	@Override
	public <T extends @Nullable Object> T call(String purpose, String actor, Supplier<T> work) {
		T result;
		TenantAwareTransactionManager.crossTenant(true);
		try {
			result = transactions.execute(status -> {
				jdbc.sql("INSERT INTO cross_tenant_access (purpose, actor) VALUES (?, ?)")
					.params(purpose, actor)
					.update();
				log.debug("Cross-tenant access for {} by {}", purpose, actor);
				return work.get();
			});
		}
		finally {
			TenantAwareTransactionManager.crossTenant(false);
		}
		events.publishEvent(new CrossTenantAccessed(purpose, actor));
		return result;
	}
}

package com.whatsappflowhub.platform;

import java.time.Duration;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.ListenerProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class TenantScopedListenerTests {

	@Autowired
	Api api;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ListenerProbe probe;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void anAsynchronousListenerRunsInTheTenantOfItsEventWithRowLevelSecurityApplied() {
		TenantFixture tenant = api.newTenant();
		String marker = Api.unique("probe");

		new TransactionTemplate(transactionManager).executeWithoutResult(
				status -> events.publishEvent(new ListenerProbe.Probed(TenantId.of(tenant.tenantId()), marker)));

		await().atMost(Duration.ofSeconds(10)).until(() -> probe.observed(marker) != null);
		ListenerProbe.Observation seen = probe.observed(marker);
		assertThat(seen.thread()).isNotEqualTo(Thread.currentThread().getName());
		assertThat(seen.tenant()).isEqualTo(tenant.tenantId());
		assertThat(seen.visibleUsers()).isEqualTo(tenant.userIds().size() + 1); // one per role, and the spare
		assertThat(seen.visibleForeignUsers()).isZero();
		assertThat(TenantContext.current()).isEmpty();
	}
}

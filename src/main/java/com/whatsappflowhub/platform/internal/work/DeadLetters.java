package com.whatsappflowhub.platform.internal.work;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dead letters: work whose last attempt failed or that the far end refused for good. A tenant's administrator sees
 * and acts on its own tenant's; the platform's operator on every tenant's, through the audited cross-tenant path.
 */
@Service
class DeadLetters {

	private final WorkItems items;

	private final Signals signals;

	private final CrossTenant crossTenant;

	private final TransactionTemplate transactions;

	DeadLetters(WorkItems items, Signals signals, CrossTenant crossTenant, PlatformTransactionManager transactionManager) {
		this.items = items;
		this.signals = signals;
		this.crossTenant = crossTenant;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** A dead letter as the API shows it: the work's payload is the event that asked for it. */
	record DeadLetter(long id, String tenantId, String stage, String key, @Nullable String destination, String type,
			String payload, int attempts, @Nullable String lastError, Instant createdAt, Instant failedAt) {

		static DeadLetter of(WorkItems.Item item) {
			return new DeadLetter(item.id(), item.tenant().toString(), item.stage(), item.key(), item.destination(),
					item.payloadType().substring(item.payloadType().lastIndexOf('.') + 1), item.payload(), item.attempts(),
					item.lastError(), item.createdAt(), item.updatedAt());
		}
	}

	List<DeadLetter> list(boolean allTenants, String actor, @Nullable String stage, int limit, @Nullable Long before) {
		return run(allTenants, actor, () -> items.deadLetters(stage, limit, before).stream().map(DeadLetter::of).toList());
	}

	DeadLetter get(boolean allTenants, String actor, long id) {
		return run(allTenants, actor, () -> items.find(id).filter(item -> "FAILED".equals(item.status())))
			.map(DeadLetter::of)
			.orElseThrow(() -> new DeadLetterNotFound(id));
	}

	void replay(boolean allTenants, String actor, long id) {
		WorkItems.Item item = run(allTenants, actor, () -> items.find(id).filter(found -> "FAILED".equals(found.status()))
			.filter(found -> items.replay(found.id())))
			.orElseThrow(() -> new DeadLetterNotFound(id));
		signals.wake(item.stage());
	}

	void discard(boolean allTenants, String actor, long id) {
		if (!run(allTenants, actor, () -> items.discard(id))) {
			throw new DeadLetterNotFound(id);
		}
	}

	private <T> T run(boolean allTenants, String actor, Supplier<T> work) {
		if (allTenants) {
			return crossTenant.call("dead-letters", actor, work);
		}
		TenantContext.require();
		return transactions.execute(status -> work.get());
	}

	static final class DeadLetterNotFound extends NotFound {

		DeadLetterNotFound(long id) {
			super("Dead letter " + id + " not found");
		}
	}
}

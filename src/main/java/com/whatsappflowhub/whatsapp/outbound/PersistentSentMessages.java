package com.whatsappflowhub.whatsapp.outbound;

import java.util.Optional;

import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.whatsapp.graph.IdempotencyKey;
import com.whatsappflowhub.whatsapp.graph.SentMessages;
import com.whatsappflowhub.whatsapp.webhook.InboxMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link SentMessages} on the inbox's outbound messages: the idempotency key is unique per tenant there, and the
 * wamid is stored the moment Meta accepts a message, so a key is never sent twice, across restarts too. Runs in the
 * sender's tenant context.
 */
@Component
class PersistentSentMessages implements SentMessages {

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	PersistentSentMessages(Inbox inbox, PlatformTransactionManager transactionManager, JdbcClient jdbc) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public Optional<String> wamidFor(IdempotencyKey key) {
		return transactions.execute(status -> inbox.externalIdForKey(key.value()));
	}

	@Override
	public void accepted(IdempotencyKey key, String wamid) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("SET LOCAL synchronous_commit = on").update(); // the wamid is what stops a second send
			inbox.outboundByKey(key.value())
				.ifPresent(message -> inbox.outboundAccepted(message.id(), wamid, InboxMapping.STATUS_RULE));
		});
	}
}

package com.whatsappflowhub.whatsapp.outbound;

import java.util.UUID;

import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.whatsapp.SendRefused;
import com.whatsappflowhub.whatsapp.graph.AccessToken;
import com.whatsappflowhub.whatsapp.graph.BusinessNumber;
import com.whatsappflowhub.whatsapp.graph.GraphApi;
import com.whatsappflowhub.whatsapp.graph.SendOutcome;
import com.whatsappflowhub.whatsapp.number.BusinessNumberRecord;
import com.whatsappflowhub.whatsapp.number.Numbers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Marks a customer's message as read on WhatsApp (the blue ticks), from the number the conversation runs on. */
@Service
class ReadReceipts {

	private final Inbox inbox;

	private final Numbers numbers;

	private final GraphApi graph;

	private final TransactionTemplate transactions;

	ReadReceipts(Inbox inbox, Numbers numbers, GraphApi graph, PlatformTransactionManager transactionManager) {
		this.inbox = inbox;
		this.numbers = numbers;
		this.graph = graph;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	private record Target(BusinessNumber from, String wamid) {
	}

	void markAsRead(UUID messageId) {
		Target target = transactions.execute(status -> {
			MessageView message = inbox.message(new MessageId(messageId)).orElseThrow(() -> new MessageNotFound(messageId));
			if (!"IN".equals(message.direction()) || message.externalId() == null) {
				throw new NotInbound(messageId);
			}
			Inbox.ConversationRef conversation = inbox.conversation(message.conversationId()).orElseThrow();
			BusinessNumberRecord number = numbers.findByPhoneNumberId(conversation.channelAddress())
				.orElseThrow(() -> new Sending.NumberGone(conversation.channelAddress()));
			AccessToken token = numbers.accessToken(number.id()).orElseThrow();
			return new Target(new BusinessNumber(number.phoneNumberId(), token), message.externalId());
		});
		SendOutcome outcome = graph.client().markAsRead(target.from(), target.wamid());
		if (!(outcome instanceof SendOutcome.Accepted)) {
			throw new SendRefused(HttpStatus.BAD_GATEWAY, "read-receipt-refused",
					"WhatsApp did not take the read receipt: " + outcome.getClass().getSimpleName());
		}
	}

	static final class MessageNotFound extends NotFound {

		MessageNotFound(UUID id) {
			super("Message " + id + " not found");
		}
	}

	static final class NotInbound extends InvalidRequest {

		NotInbound(UUID id) {
			super("not-inbound", "Only a customer's message can be marked as read; " + id + " is not one.");
		}
	}
}

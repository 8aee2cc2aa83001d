package com.whatsappflowhub.whatsapp.outbound;

import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.whatsapp.SenderNotificationRequested;
import org.springframework.stereotype.Component;

/**
 * Tells senders on WhatsApp what became of their request: free-form inside the 24-hour window, the number's
 * fallback template outside it. A delivery of the delivery engine (its own workers, a breaker per tenant's Graph
 * API), so a slow or unreachable Graph API holds nothing of the pipeline. The notification's key is the idempotency
 * key: a redelivered request sends once. A message that cannot go out (window closed and no template, conversation
 * gone, Meta refused it) is a dead letter with the reason, and stays visible as a refused outbound message.
 */
@Component
class SenderNotifications implements Delivery<SenderNotificationRequested> {

	private static final Spec<SenderNotificationRequested> SPEC = Spec.of("whatsapp.sender-notice",
			SenderNotificationRequested.class);

	private final Sending sending;

	SenderNotifications(Sending sending) {
		this.sending = sending;
	}

	@Override
	public Spec<SenderNotificationRequested> spec() {
		return SPEC;
	}

	@Override
	public String key(SenderNotificationRequested notification) {
		return notification.key();
	}

	@Override
	public String destination(SenderNotificationRequested notification) {
		return "whatsapp:" + notification.tenantId();
	}

	@Override
	public Outcome deliver(SenderNotificationRequested notification, int attempt) {
		return Notices.send(sending, new ConversationId(notification.conversationId()), notification.text(),
				notification.replyToMessageId(), "notify:" + notification.key());
	}
}

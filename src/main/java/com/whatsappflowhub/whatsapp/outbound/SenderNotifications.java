package com.whatsappflowhub.whatsapp.outbound;

import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.tasks.SenderNotificationRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells senders on WhatsApp what became of their request: free-form inside the 24-hour window, the number's
 * fallback template outside it. The notification's key is the idempotency key, so a redelivered event sends
 * once. A message that cannot go out (window closed and no template, conversation gone) is logged and stays
 * visible as a refused outbound message; it is not retried.
 */
@Component
class SenderNotifications {

	private static final Logger log = LoggerFactory.getLogger(SenderNotifications.class);

	private final Sending sending;

	SenderNotifications(Sending sending) {
		this.sending = sending;
	}

	/** No surrounding transaction: {@code Sending} keeps the Graph call outside its own short transactions. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SenderNotificationRequested notification) {
		try {
			sending.send(new ConversationId(notification.conversationId()),
					new SendRequest("text", notification.text(), false, notification.replyToMessageId(), null, null, null),
					"notify:" + notification.key(), null);
		}
		catch (Conflict | NotFound | Sending.SendRefused ex) {
			log.warn("Could not tell the sender of conversation {} ({}): {}", notification.conversationId(),
					notification.key(), ex.getMessage());
		}
	}
}

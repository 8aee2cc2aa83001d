package com.whatsappflowhub.whatsapp.outbound;

import java.time.Duration;
import java.util.UUID;

import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.whatsapp.Reply;
import com.whatsappflowhub.whatsapp.SendRefused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** What one attempt to send a notice came to, for the delivery engine. */
final class Notices {

	/** How long a send whose answer was lost waits for a status webhook before it is sent again. */
	static final Duration RECONCILE_AFTER = Duration.ofMinutes(2);

	private Notices() {
	}

	static Delivery.Outcome send(Sending sending, ConversationId conversation, String text, @Nullable UUID replyTo,
			String key) {
		try {
			Sending.Sent sent = sending.deliver(conversation,
					new Reply.Text(text, false, replyTo == null ? null : new MessageId(replyTo)), key, RECONCILE_AFTER);
			var delivery = sent.message().delivery();
			if (delivery != null && "PENDING".equals(delivery.status()) && sent.message().externalId() == null) {
				return Delivery.Outcome.retryAfter("Meta's answer was lost; waiting for its status webhook",
						RECONCILE_AFTER);
			}
			return Delivery.Outcome.DONE;
		}
		catch (Conflict | NotFound ex) {
			return Delivery.Outcome.failed(ex.getMessage()); // window closed without a template, number or chat gone
		}
		catch (SendRefused ex) {
			return ex.status() == HttpStatus.TOO_MANY_REQUESTS ? Delivery.Outcome.retry(ex.getMessage())
					: Delivery.Outcome.failed(ex.getMessage());
		}
	}
}

package com.whatsappflowhub.whatsapp.outbound;

import com.whatsappflowhub.inbox.ConversationHistory;
import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.whatsapp.StaffNotificationRequested;
import org.springframework.stereotype.Component;

/**
 * Tells a member of staff something on WhatsApp, in the conversation they have with the business number (what and
 * when is the asking module's business). One who never wrote to the number cannot be reached this way: a dead letter
 * that says so.
 */
@Component
class StaffNotifications implements Delivery<StaffNotificationRequested> {

	private static final Spec<StaffNotificationRequested> SPEC = Spec.of("whatsapp.staff-notice",
			StaffNotificationRequested.class);

	private final Sending sending;

	private final ConversationHistory conversations;

	StaffNotifications(Sending sending, ConversationHistory conversations) {
		this.sending = sending;
		this.conversations = conversations;
	}

	@Override
	public Spec<StaffNotificationRequested> spec() {
		return SPEC;
	}

	@Override
	public String key(StaffNotificationRequested notice) {
		return notice.key();
	}

	@Override
	public String destination(StaffNotificationRequested notice) {
		return "whatsapp:" + notice.tenantId();
	}

	@Override
	public Outcome deliver(StaffNotificationRequested notice, int attempt) {
		return conversations.conversationWithStaff(notice.staffUserId())
			.map(conversation -> Notices.send(sending, conversation, notice.text(), null, "staff:" + notice.key()))
			.orElseGet(() -> Outcome.failed("staff " + notice.staffUserId()
					+ " has no conversation with the business number, so WhatsApp cannot reach them"));
	}
}

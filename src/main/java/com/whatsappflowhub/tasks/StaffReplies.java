package com.whatsappflowhub.tasks;

import java.util.List;

import com.whatsappflowhub.inbox.MessageReceived;
import com.whatsappflowhub.platform.Stage;
import org.springframework.stereotype.Component;

/** Staff replies on WhatsApp to a message that tasks came from ("done ✅", "I'll take it"), handed to {@link ConversationActivity}. */
@Component
class StaffReplies implements Stage<MessageReceived> {

	private static final Spec<MessageReceived> SPEC = Spec.of("tasks.staff-replies", MessageReceived.class);

	private final ConversationActivity activity;

	StaffReplies(ConversationActivity activity) {
		this.activity = activity;
	}

	@Override
	public Spec<MessageReceived> spec() {
		return SPEC;
	}

	@Override
	public boolean wants(MessageReceived message) {
		return message.replyToMessageId() != null && message.staffUserId() != null && message.text() != null;
	}

	@Override
	public String key(MessageReceived message) {
		return message.messageId().value().toString();
	}

	@Override
	public void handle(List<MessageReceived> messages) {
		messages.forEach(message -> activity.replied(message.replyToMessageId().value(), message.staffUserId(),
				message.text()));
	}
}

package com.whatsappflowhub.tasks;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.inbox.MessageReacted;
import com.whatsappflowhub.inbox.MessageReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Staff replies and reactions on WhatsApp, handed to {@link ConversationActivity}. */
@Component
class WhatsAppActivity {

	private final ConversationActivity activity;

	private final Directory directory;

	WhatsAppActivity(ConversationActivity activity, Directory directory) {
		this.activity = activity;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(MessageReceived message) {
		if (message.replyToMessageId() != null && message.staffUserId() != null && message.text() != null) {
			activity.replied(message.replyToMessageId().value(), message.staffUserId(), message.text());
		}
	}

	@ApplicationModuleListener
	void on(MessageReacted reaction) {
		if (reaction.targetMessageId() == null || reaction.emoji() == null) {
			return;
		}
		directory.findByPhone(reaction.reactorWaId())
			.map(StaffMember::id)
			.ifPresent(staff -> activity.reacted(reaction.targetMessageId().value(), staff, reaction.emoji()));
	}
}

package com.whatsappflowhub.tasks;

import java.util.List;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.inbox.MessageReacted;
import com.whatsappflowhub.platform.Stage;
import org.springframework.stereotype.Component;

/** Staff reactions on WhatsApp (✅ completes, 👍 accepts) to a message that tasks came from. */
@Component
class StaffReactions implements Stage<MessageReacted> {

	private static final Spec<MessageReacted> SPEC = Spec.of("tasks.staff-reactions", MessageReacted.class);

	private final ConversationActivity activity;

	private final Directory directory;

	StaffReactions(ConversationActivity activity, Directory directory) {
		this.activity = activity;
		this.directory = directory;
	}

	@Override
	public Spec<MessageReacted> spec() {
		return SPEC;
	}

	@Override
	public boolean wants(MessageReacted reaction) {
		return reaction.targetMessageId() != null && reaction.emoji() != null;
	}

	@Override
	public String key(MessageReacted reaction) {
		return reaction.reactionMessageId().value().toString();
	}

	@Override
	public void handle(List<MessageReacted> reactions) {
		for (MessageReacted reaction : reactions) {
			directory.findByPhone(reaction.reactorWaId())
				.map(StaffMember::id)
				.ifPresent(staff -> activity.reacted(reaction.targetMessageId().value(), staff, reaction.emoji()));
		}
	}
}

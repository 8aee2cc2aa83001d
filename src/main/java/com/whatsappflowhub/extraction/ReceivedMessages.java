package com.whatsappflowhub.extraction;

import java.util.List;
import java.util.Set;

import com.whatsappflowhub.inbox.ConversationHistory;
import com.whatsappflowhub.inbox.MessageReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The pipeline's first step: every stored inbound message with something to read is analysed, with up to three
 * earlier messages of its conversation as context. Runs after the webhook's commit, in the message's tenant.
 */
@Component
class ReceivedMessages {

	/** Kinds of message that carry no request of their own. */
	private static final Set<String> UNREADABLE = Set.of("reaction", "edit", "revoke", "delete", "unsupported", "system");

	private final MessageAnalysis analysis;

	private final ConversationHistory history;

	ReceivedMessages(MessageAnalysis analysis, ConversationHistory history) {
		this.analysis = analysis;
		this.history = history;
	}

	@ApplicationModuleListener
	void on(MessageReceived message) {
		String text = message.text();
		if (text == null || text.isBlank() || UNREADABLE.contains(message.type().toLowerCase())) {
			return;
		}
		List<AnalysisRequest.ContextMessage> context = history.before(message.conversationId(), message.sentAt(), 3)
			.stream()
			.map(line -> new AnalysisRequest.ContextMessage(new AnalysisRequest.Sender(
					line.senderName() == null ? (line.inbound() ? "Customer" : "Us") : line.senderName(),
					line.inbound() && line.staffUser() == null ? AnalysisRequest.Role.CUSTOMER : AnalysisRequest.Role.STAFF),
					line.text()))
			.toList();
		analysis.analyse(new MessageAnalysis.Incoming(message.messageId().value(), message.conversationId().value(),
				text, message.sentAt(), message.staffUserId(), message.senderName(), context));
	}
}

package com.whatsappflowhub.extraction;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.whatsappflowhub.inbox.ConversationHistory;
import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.inbox.MessageReceived;
import com.whatsappflowhub.inbox.ProcessingStatus;
import com.whatsappflowhub.platform.Stage;
import org.springframework.stereotype.Component;

/**
 * The analysis stage: every received text is analysed with the last three messages of its chat as context, in
 * batches of the stage's own workers (three: each waits on the database for part of its time, so three keep two
 * cores busy while the webhook's request threads still get their share); each analysis is kept with the message and published as {@link MessageAnalyzed} in the same
 * transaction.
 */
@Component
class ReceivedMessages implements Stage<MessageReceived> {

	/** Kinds of message that carry no request of their own. */
	private static final Set<String> UNREADABLE = Set.of("reaction", "edit", "revoke", "delete", "unsupported", "system");

	private static final Spec<MessageReceived> SPEC = Spec.of("extraction.analysis", MessageReceived.class)
		.batchSize(16)
		.workers(3);

	private final MessageAnalysis analysis;

	private final ConversationHistory history;

	private final Inbox inbox;

	ReceivedMessages(MessageAnalysis analysis, ConversationHistory history, Inbox inbox) {
		this.analysis = analysis;
		this.history = history;
		this.inbox = inbox;
	}

	@Override
	public Spec<MessageReceived> spec() {
		return SPEC;
	}

	@Override
	public boolean wants(MessageReceived message) {
		String text = message.text();
		return text != null && !text.isBlank() && !UNREADABLE.contains(message.type().toLowerCase(Locale.ROOT));
	}

	@Override
	public String key(MessageReceived message) {
		return message.messageId().value().toString();
	}

	@Override
	public void handle(List<MessageReceived> messages) {
		analysis.analyseAll(messages.stream().map(this::incoming).toList());
	}

	@Override
	public void deadLettered(MessageReceived message, String error) {
		inbox.markProcessing(message.messageId(), ProcessingStatus.FAILED, "analysis: " + error);
	}

	private MessageAnalysis.Incoming incoming(MessageReceived message) {
		List<AnalysisRequest.ContextMessage> context = history.before(message.conversationId(), message.sentAt(), 3)
			.stream()
			.map(line -> new AnalysisRequest.ContextMessage(new AnalysisRequest.Sender(
					line.senderName() == null ? (line.inbound() ? "Customer" : "Us") : line.senderName(),
					line.inbound() && line.staffUser() == null ? AnalysisRequest.Role.CUSTOMER : AnalysisRequest.Role.STAFF),
					line.text()))
			.toList();
		return new MessageAnalysis.Incoming(message.messageId().value(), message.conversationId().value(),
				message.text(), message.sentAt(), message.staffUserId(), message.senderName(), context,
				message.receivedAt());
	}
}

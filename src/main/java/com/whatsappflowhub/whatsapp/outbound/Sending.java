package com.whatsappflowhub.whatsapp.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.whatsapp.MessageTemplate;
import com.whatsappflowhub.whatsapp.Replies;
import com.whatsappflowhub.whatsapp.Reply;
import com.whatsappflowhub.whatsapp.SendRefused;
import com.whatsappflowhub.whatsapp.WhatsAppError;
import com.whatsappflowhub.whatsapp.WindowPolicy;
import com.whatsappflowhub.whatsapp.graph.AccessToken;
import com.whatsappflowhub.whatsapp.graph.BusinessNumber;
import com.whatsappflowhub.whatsapp.graph.GraphApi;
import com.whatsappflowhub.whatsapp.graph.GraphFailure;
import com.whatsappflowhub.whatsapp.graph.IdempotencyKey;
import com.whatsappflowhub.whatsapp.graph.OutboundMessage;
import com.whatsappflowhub.whatsapp.graph.SendOutcome;
import com.whatsappflowhub.whatsapp.graph.TemplateComponent;
import com.whatsappflowhub.whatsapp.number.BusinessNumberRecord;
import com.whatsappflowhub.whatsapp.number.Numbers;
import com.whatsappflowhub.whatsapp.webhook.InboxMapping;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a message into a conversation: checks the 24-hour window (a free-form message outside it is refused, or
 * replaced by the number's fallback template), records the message with its idempotency key before anything leaves,
 * sends it once through the Graph API, and records what Meta answered. Runs in the caller's tenant context; the Graph
 * call is outside any transaction.
 */
@Service
class Sending implements Replies {

	private final Inbox inbox;

	private final Numbers numbers;

	private final GraphApi graph;

	private final WindowPolicy window;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final ApprovedTemplates templates;

	Sending(Inbox inbox, Numbers numbers, GraphApi graph, WindowPolicy window,
			PlatformTransactionManager transactionManager, JsonMapper json, Clock clock, JdbcClient jdbc,
			ApprovedTemplates templates) {
		this.templates = templates;
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.numbers = numbers;
		this.graph = graph;
		this.window = window;
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
		this.clock = clock;
	}

	private record Prepared(MessageView message, boolean created, @Nullable BusinessNumber from,
			@Nullable OutboundMessage outbound, @Nullable UUID numberId) {
	}

	@Override
	public List<MessageTemplate> approvedTemplates(ConversationId conversationId) {
		Inbox.ConversationRef conversation = java.util.Objects.requireNonNull(transactions.execute(
				status -> inbox.conversation(conversationId).orElseThrow(() -> new ConversationNotFound(conversationId))));
		return templates.of(conversation.channelAddress());
	}

	@Override
	public Sent send(ConversationId conversationId, Reply request, @Nullable String idempotencyKey, @Nullable UserId by) {
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
		Prepared prepared = java.util.Objects.requireNonNull(
				transactions.execute(status -> prepare(conversationId, request, key, by)));
		if (!prepared.created() || prepared.outbound() == null || prepared.from() == null) {
			return new Sent(prepared.message(), false); // the key was used before: its first result
		}
		return call(prepared, key);
	}

	/**
	 * For the delivery engine: sends once per key like {@link #send}, and sends again a message that is still PENDING
	 * without a WhatsApp id {@code reconcileAfter} after it was recorded: either the process died between recording
	 * and calling Meta, or Meta's answer was lost and no status webhook has named the message since (a message Meta
	 * took reports {@code sent} within seconds). Its idempotency key stays the same.
	 */
	Sent deliver(ConversationId conversationId, Reply request, String key, Duration reconcileAfter) {
		Prepared prepared = java.util.Objects.requireNonNull(
				transactions.execute(status -> prepare(conversationId, request, key, null)));
		if (prepared.created() && prepared.outbound() != null && prepared.from() != null) {
			return call(prepared, key);
		}
		MessageView existing = prepared.message();
		boolean unanswered = existing.externalId() == null && existing.delivery() != null
				&& "PENDING".equals(existing.delivery().status());
		if (!unanswered || existing.sentAt().plus(reconcileAfter).isAfter(clock.instant())) {
			return new Sent(existing, false);
		}
		Prepared again = java.util.Objects.requireNonNull(
				transactions.execute(status -> prepareAgain(conversationId, request, existing)));
		return call(again, key);
	}

	private Sent call(Prepared prepared, String key) {
		MessageId id = prepared.message().id();
		SendOutcome outcome = graph.client().send(java.util.Objects.requireNonNull(prepared.from()),
				java.util.Objects.requireNonNull(prepared.outbound()), new IdempotencyKey(key));
		MessageView after = java.util.Objects.requireNonNull(transactions.execute(status -> {
			record(id, prepared.numberId(), outcome);
			return inbox.message(id).orElseThrow();
		}));
		if (outcome instanceof SendOutcome.WindowClosed) {
			throw new WindowClosed(id);
		}
		if (outcome instanceof SendOutcome.RateLimited limited) {
			throw new SendRefused(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Meta's rate limit ("
					+ limited.error().code() + ") held after " + limited.attempts() + " attempts; the message " + id
					+ " was not sent.");
		}
		if (outcome instanceof SendOutcome.NumberNeedsAttention attention) {
			throw new SendRefused(HttpStatus.BAD_GATEWAY, "number-needs-attention", "Meta refused the number's access token ("
					+ attention.error().code() + "); an administrator must renew it. The message " + id + " was not sent.");
		}
		if (outcome instanceof SendOutcome.MediaFailed media) {
			throw new SendRefused(HttpStatus.UNPROCESSABLE_CONTENT, "media-failed",
					"Meta could not use the message's media (" + media.error().code() + ").");
		}
		if (outcome instanceof SendOutcome.Rejected rejected) {
			throw new SendRefused(HttpStatus.UNPROCESSABLE_CONTENT, "message-rejected",
					"Meta refused the message: " + rejected.error().code() + " " + rejected.error().title());
		}
		return new Sent(after, true);
	}

	/** The message recorded before, built again for another call (the number and its token may have changed). */
	private Prepared prepareAgain(ConversationId conversationId, Reply request, MessageView recorded) {
		Addressed addressed = address(conversationId, request);
		return new Prepared(recorded, false, addressed.from(), addressed.message(), addressed.number().id());
	}

	private Prepared prepare(ConversationId conversationId, Reply request, String key, @Nullable UserId by) {
		durableCommit();
		var existing = inbox.outboundByKey(key);
		if (existing.isPresent()) {
			return new Prepared(existing.get(), false, null, null, null);
		}
		Addressed addressed = address(conversationId, request);
		OutboundMessage message = addressed.message();
		Inbox.Recorded recorded = inbox.recordOutbound(new Inbox.OutboundDraft(conversationId, key, type(message),
				message.getClass().getSimpleName(), text(message, request), message.replyTo(),
				message instanceof OutboundMessage.Reaction reaction ? reaction.messageId() : null, by,
				json.writeValueAsString(java.util.Map.of("type", type(message), "reply", request))));
		return new Prepared(recorded.message(), recorded.created(), addressed.from(), message, addressed.number().id());
	}

	private record Addressed(BusinessNumberRecord number, BusinessNumber from, OutboundMessage message) {
	}

	/**
	 * The conversation's number with its token, and the message to send: the request as built, or outside the
	 * 24-hour window the number's fallback template for a free-form message (refused when it has none).
	 */
	private Addressed address(ConversationId conversationId, Reply request) {
		Inbox.ConversationRef conversation = inbox.conversation(conversationId)
			.orElseThrow(() -> new ConversationNotFound(conversationId));
		BusinessNumberRecord number = numbers.findByPhoneNumberId(conversation.channelAddress())
			.orElseThrow(() -> new NumberGone(conversation.channelAddress()));
		OutboundMessage message = build(request, conversation);
		if (!window.allows(message.isTemplate(), conversation.lastInboundAt())) {
			BusinessNumberRecord.FallbackTemplate fallback = number.fallbackTemplate();
			if (fallback == null) {
				throw new WindowClosed(null);
			}
			message = new OutboundMessage.Template(conversation.contactAddress(), fallback.name(), fallback.language(),
					List.of(), null);
		}
		AccessToken token = numbers.accessToken(number.id()).orElseThrow(() -> new NumberGone(number.phoneNumberId()));
		return new Addressed(number, new BusinessNumber(number.phoneNumberId(), token), message);
	}

	private void record(MessageId id, @Nullable UUID numberId, SendOutcome outcome) {
		if (outcome instanceof SendOutcome.Accepted accepted) {
			inbox.outboundAccepted(id, accepted.messageId(), InboxMapping.STATUS_RULE);
		}
		else if (outcome instanceof SendOutcome.WindowClosed closed) {
			failed(id, closed.error());
		}
		else if (outcome instanceof SendOutcome.RateLimited limited) {
			failed(id, limited.error());
		}
		else if (outcome instanceof SendOutcome.MediaFailed media) {
			failed(id, media.error());
		}
		else if (outcome instanceof SendOutcome.Rejected rejected) {
			failed(id, rejected.error());
		}
		else if (outcome instanceof SendOutcome.NumberNeedsAttention attention) {
			failed(id, attention.error());
			if (numberId != null) {
				numbers.markNeedsAttention(numberId, attention.error().code() + " " + attention.error().title(),
						clock.instant());
			}
		}
		// Undetermined: left PENDING, Meta may have it; its status webhook will tell
	}

	/** The message and its key must survive a crash before it leaves, or a retry could send it twice. */
	private void durableCommit() {
		jdbc.sql("SET LOCAL synchronous_commit = on").update();
	}

	private void failed(MessageId id, WhatsAppError error) {
		inbox.outboundFailed(id, error.code(), error.title());
	}

	private OutboundMessage build(Reply request, Inbox.ConversationRef conversation) {
		String to = conversation.contactAddress();
		try {
			if (request instanceof Reply.Text text) {
				return new OutboundMessage.Text(to, text.body(), text.previewUrl(), replyTo(text.replyTo(), conversation));
			}
			if (request instanceof Reply.Template template) {
				return template(to, template, replyTo(template.replyTo(), conversation));
			}
			if (request instanceof Reply.Buttons buttons) {
				return new OutboundMessage.ReplyButtons(to, buttons.header(), buttons.body(), buttons.footer(),
						buttons.buttons().stream().map(b -> new OutboundMessage.Button(b.id(), b.title())).toList(),
						replyTo(buttons.replyTo(), conversation));
			}
			if (request instanceof Reply.Choices list) {
				return new OutboundMessage.ListMessage(to, list.header(), list.body(), list.footer(), list.buttonText(),
						list.sections().stream()
							.map(s -> new OutboundMessage.Section(s.title(),
									s.rows().stream().map(r -> new OutboundMessage.Row(r.id(), r.title(), r.description())).toList()))
							.toList(),
						replyTo(list.replyTo(), conversation));
			}
			Reply.Reaction reaction = (Reply.Reaction) request;
			return new OutboundMessage.Reaction(to, externalId(reaction.message().value(), conversation), reaction.emoji());
		}
		catch (GraphFailure.InvalidOutboundMessage ex) {
			throw new InvalidMessage(ex.getMessage());
		}
	}

	private @Nullable String replyTo(@Nullable MessageId replyTo, Inbox.ConversationRef conversation) {
		return replyTo == null ? null : externalId(replyTo.value(), conversation);
	}

	private static OutboundMessage.Template template(String to, Reply.Template template, @Nullable String replyTo) {
		List<TemplateComponent> components = new ArrayList<>();
		if (!template.headerParameters().isEmpty()) {
			components.add(new TemplateComponent.Header(
					template.headerParameters().stream().<TemplateComponent.Parameter>map(TemplateComponent.Text::new).toList()));
		}
		if (!template.bodyParameters().isEmpty()) {
			components.add(new TemplateComponent.Body(
					template.bodyParameters().stream().<TemplateComponent.Parameter>map(TemplateComponent.Text::new).toList()));
		}
		for (Reply.TemplateButton button : template.buttons()) {
			TemplateComponent.Parameter parameter = "quick_reply".equals(button.subType())
					? new TemplateComponent.Payload(button.value()) : new TemplateComponent.Text(button.value());
			components.add(new TemplateComponent.Button(button.subType(), button.index(), List.of(parameter)));
		}
		return new OutboundMessage.Template(to, template.name(), template.language(), components, replyTo);
	}

	private String externalId(UUID messageId, Inbox.ConversationRef conversation) {
		MessageView message = inbox.message(new MessageId(messageId))
			.filter(m -> m.conversationId().equals(conversation.id()))
			.orElseThrow(() -> new InvalidMessage("Message " + messageId + " is not in this conversation"));
		if (message.externalId() == null) {
			throw new InvalidMessage("Message " + messageId + " has no WhatsApp id yet");
		}
		return message.externalId();
	}

	private static String type(OutboundMessage message) {
		if (message instanceof OutboundMessage.Text) {
			return "text";
		}
		if (message instanceof OutboundMessage.Template) {
			return "template";
		}
		return message instanceof OutboundMessage.Reaction ? "reaction" : "interactive";
	}

	private static @Nullable String text(OutboundMessage message, Reply request) {
		if (message instanceof OutboundMessage.Text text) {
			return text.body();
		}
		if (message instanceof OutboundMessage.ReplyButtons buttons) {
			return buttons.body();
		}
		if (message instanceof OutboundMessage.ListMessage list) {
			return list.body();
		}
		if (message instanceof OutboundMessage.Reaction reaction) {
			return reaction.emoji();
		}
		OutboundMessage.Template template = (OutboundMessage.Template) message;
		return request instanceof Reply.Template asked && asked.text() != null ? asked.text() : template.name();
	}

	static final class ConversationNotFound extends NotFound {

		ConversationNotFound(ConversationId id) {
			super("Conversation " + id + " not found");
		}
	}

	/** Outside the 24-hour window only templates go out, and the number has no fallback template. */
	static final class WindowClosed extends Conflict {

		WindowClosed(@Nullable MessageId id) {
			super("window-closed", "The customer last wrote more than 24 hours ago: only a template may be sent"
					+ (id == null ? " (configure a fallback template on the number to send one instead)."
							: "; WhatsApp refused message " + id + " (131047)."));
		}
	}

	static final class NumberGone extends Conflict {

		NumberGone(String phoneNumberId) {
			super("number-not-registered", "The conversation's WhatsApp number " + phoneNumberId + " is not registered.");
		}
	}

	static final class InvalidMessage extends InvalidRequest {

		InvalidMessage(String detail) {
			super("invalid-message", detail);
		}
	}
}

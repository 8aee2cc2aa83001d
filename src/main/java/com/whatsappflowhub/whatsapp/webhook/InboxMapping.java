package com.whatsappflowhub.whatsapp.webhook;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.whatsapp.InboundMessage;
import com.whatsappflowhub.whatsapp.MessageContent;
import com.whatsappflowhub.whatsapp.MessageStatus;
import com.whatsappflowhub.whatsapp.OutboundStatus;
import com.whatsappflowhub.whatsapp.StatusUpdate;
import com.whatsappflowhub.whatsapp.WhatsAppError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Turns the channel's normalised items into the inbox's channel-neutral commands, and WhatsApp's status order. */
public final class InboxMapping {

	public static final String CHANNEL = "whatsapp";

	private InboxMapping() {
	}

	/** The forward-only rule of {@link OutboundStatus}, over the inbox's stored states (PENDING sits below ACCEPTED). */
	public static final Inbox.StatusRule STATUS_RULE = InboxMapping::next;

	static Inbox.DeliveryState next(Inbox.DeliveryState current, Inbox.DeliveryState reported) {
		MessageStatus incoming = MessageStatus.fromWebhook(reported.status()).orElse(null);
		if (incoming == null) {
			return current;
		}
		OutboundStatus now = switch (current.status()) {
			case "PENDING" -> null;
			case "FAILED" -> new OutboundStatus(MessageStatus.FAILED, new WhatsAppError(
					current.errorCode() == null ? 0 : current.errorCode(), current.errorTitle() == null ? "" : current.errorTitle(), null));
			default -> new OutboundStatus(MessageStatus.fromWebhook(current.status()).orElse(MessageStatus.ACCEPTED), null);
		};
		WhatsAppError error = incoming == MessageStatus.FAILED ? new WhatsAppError(
				reported.errorCode() == null ? 0 : reported.errorCode(), reported.errorTitle() == null ? "" : reported.errorTitle(), null)
				: null;
		if (now == null) {
			return state(new OutboundStatus(incoming, error));
		}
		OutboundStatus next = now.advance(incoming, error);
		return next.equals(now) ? current : state(next);
	}

	private static Inbox.DeliveryState state(OutboundStatus status) {
		WhatsAppError error = status.error();
		return new Inbox.DeliveryState(status.status().name(), error == null ? null : error.code(),
				error == null ? null : error.title());
	}

	public static Inbox.StatusReport report(StatusUpdate status) {
		WhatsAppError error = status.errors().isEmpty() ? null : status.errors().get(0);
		return new Inbox.StatusReport(status.messageId(), status.status().name(), error == null ? null : error.code(),
				error == null ? null : error.title(), error == null ? null : error.details(), status.timestamp(),
				status.dedupeKey(), status.rawJson());
	}

	static Inbox.IncomingMessage incoming(InboundMessage message, Instant receivedAt, JsonMapper json) {
		MessageContent content = message.content();
		MessageContent.Media media = content instanceof MessageContent.WithMedia withMedia ? withMedia.media() : null;
		return new Inbox.IncomingMessage(CHANNEL,
				message.route().phoneNumberId() == null ? message.route().businessAccountId() : message.route().phoneNumberId(),
				message.id(), message.sender().waId(), message.sender().profileName(),
				message.timestamp() == null ? receivedAt : message.timestamp(), content.type(), kind(content), text(content),
				message.context().repliedToMessageId(), message.context().forwarded(),
				message.context().frequentlyForwarded(),
				message.referral() == null ? null : json.writeValueAsString(message.referral()),
				media == null ? null : new Inbox.MediaReference(media.mediaId(), media.mimeType(), media.sha256(), media.filename()),
				target(content), message.rawJson());
	}

	static String kind(MessageContent content) {
		return content.getClass().getSimpleName();
	}

	static Inbox.@Nullable Target target(MessageContent content) {
		if (content instanceof MessageContent.Reaction reaction) {
			return new Inbox.Target.Reaction(reaction.reactedMessageId(), reaction.emoji());
		}
		if (content instanceof MessageContent.Unreaction unreaction) {
			return new Inbox.Target.Reaction(unreaction.reactedMessageId(), null);
		}
		if (content instanceof MessageContent.Edit edit) {
			return new Inbox.Target.Edit(edit.originalMessageId(), text(edit.edited()));
		}
		if (content instanceof MessageContent.Revoke revoke) {
			return new Inbox.Target.Delete(revoke.originalMessageId());
		}
		return null;
	}

	/** The readable part of a message, for the inbox, search and extraction. */
	static @Nullable String text(MessageContent content) {
		if (content instanceof MessageContent.Text text) {
			return text.body();
		}
		if (content instanceof MessageContent.WithMedia media) {
			return media.media().caption();
		}
		if (content instanceof MessageContent.Location location) {
			return joined(location.name(), location.address());
		}
		if (content instanceof MessageContent.Contacts contacts) {
			return joined(contacts.contacts().stream().map(MessageContent.SharedContact::formattedName).toList());
		}
		if (content instanceof MessageContent.ButtonReply button) {
			return button.title();
		}
		if (content instanceof MessageContent.ListReply list) {
			return list.title();
		}
		if (content instanceof MessageContent.TemplateQuickReply reply) {
			return reply.text();
		}
		if (content instanceof MessageContent.FlowReply flow) {
			return flow.body();
		}
		if (content instanceof MessageContent.CallPermissionReply reply) {
			return reply.response();
		}
		if (content instanceof MessageContent.Reaction reaction) {
			return reaction.emoji();
		}
		if (content instanceof MessageContent.Edit edit) {
			return text(edit.edited());
		}
		if (content instanceof MessageContent.Order order) {
			return order.text();
		}
		if (content instanceof MessageContent.SystemMessage system) {
			return system.body();
		}
		return null;
	}

	private static @Nullable String joined(@Nullable String... parts) {
		return joined(java.util.Arrays.asList(parts));
	}

	private static @Nullable String joined(List<@Nullable String> parts) {
		String joined = parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
		return joined.isEmpty() ? null : joined;
	}
}

package com.whatsappflowhub.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * What an inbound message refers to ({@code context}): the message it replies to, and whether it was forwarded.
 *
 * @param repliedToMessageId {@code context.id}, the wamid of the message replied to (or of the message a button was on)
 * @param repliedToFrom {@code context.from}, who sent the message replied to
 * @param forwarded {@code context.forwarded}
 * @param frequentlyForwarded {@code context.frequently_forwarded} (forwarded more than five times)
 */
public record MessageContext(@Nullable String repliedToMessageId, @Nullable String repliedToFrom, boolean forwarded,
		boolean frequentlyForwarded) {

	public static final MessageContext NONE = new MessageContext(null, null, false, false);

	public boolean isReply() {
		return repliedToMessageId != null;
	}
}

/**
 * The inbox: contacts, conversations and every message in and out, channel-neutral (WhatsApp today). Owns
 * messages (unique per tenant on the channel's message id), their media metadata, reactions, edits and deletes
 * with their history, delivery statuses of outbound messages, and full-text search.
 *
 * <p><b>A deliberate synchronous command across modules.</b> Channels call {@link com.whatsappflowhub.inbox.Inbox}
 * inside their own transaction (the WhatsApp webhook stores the raw delivery and the messages in one transaction
 * and answers Meta only after it commits). An event would arrive after the acknowledgement, which is exactly what a
 * durable, idempotent inbox must avoid. Everything the inbox then announces leaves as events through the event
 * publication registry, after commit: {@link com.whatsappflowhub.inbox.MessageReceived},
 * {@link com.whatsappflowhub.inbox.MessageStatusChanged}, {@link com.whatsappflowhub.inbox.MessageReacted},
 * {@link com.whatsappflowhub.inbox.MessageEdited} and {@link com.whatsappflowhub.inbox.MessageDeleted}.
 */
@ApplicationModule(displayName = "Inbox", allowedDependencies = { "platform", "identity", "audit" })
@NullMarked
package com.whatsappflowhub.inbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

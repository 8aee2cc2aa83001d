package com.whatsappflowhub.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * The customer who sent an inbound message.
 *
 * @param waId the WhatsApp id ({@code from}, normally the phone number without {@code +})
 * @param profileName the contact's profile name from the change's {@code contacts}, when given
 * @param userId the business-scoped user id ({@code user_id}, {@code from_user_id}), when given
 */
public record Sender(String waId, @Nullable String profileName, @Nullable String userId) {
}

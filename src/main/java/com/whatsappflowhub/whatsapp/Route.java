package com.whatsappflowhub.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * Where a delivered item belongs: the WhatsApp Business Account of the {@code entry} and, for changes that carry
 * {@code metadata}, the business phone number. {@code phone_number_id} is what routes an item to its tenant; account
 * and template events have no metadata and are routed by the business account id.
 *
 * @param businessAccountId the {@code entry.id} (WABA id)
 * @param field the {@code changes[].field}, e.g. {@code messages}, {@code account_update}, {@code calls}
 * @param phoneNumberId {@code metadata.phone_number_id}, absent for account and template events
 * @param displayPhoneNumber {@code metadata.display_phone_number}
 */
public record Route(String businessAccountId, String field, @Nullable String phoneNumberId,
		@Nullable String displayPhoneNumber) {
}

package com.whatsappflowhub.whatsapp;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;

/**
 * A command to the channel: tell a member of staff something on WhatsApp, in the conversation they have with the
 * business number. Another module decides what and when. {@code key} is unique per notice: a second request with the
 * same key sends nothing more.
 */
public record StaffNotificationRequested(TenantId tenantId, UserId staffUserId, String text, String key)
		implements TenantScoped {
}

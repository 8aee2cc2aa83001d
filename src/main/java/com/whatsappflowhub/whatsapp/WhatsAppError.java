package com.whatsappflowhub.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * An error object as WhatsApp reports it in webhooks ({@code errors[]} of a failed status or an unsupported message)
 * and in Graph API answers.
 *
 * @param code Meta's numeric error code, e.g. 131047 (re-engagement window closed), 131051 (unsupported type)
 * @param title the error's title (or its message when no title is given)
 * @param details {@code error_data.details}, when present
 */
public record WhatsAppError(int code, String title, @Nullable String details) {
}

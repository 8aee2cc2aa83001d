package com.whatsappflowhub.platform;

/** Published (synchronously) when the API refuses a signed-in caller an operation; the audit trail records it. */
public record AccessDenied(String path, String reason) {
}

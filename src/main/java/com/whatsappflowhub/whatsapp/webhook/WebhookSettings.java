package com.whatsappflowhub.whatsapp.webhook;

/** @param maxBodySize bytes; larger bodies are answered 413 */
public record WebhookSettings(long maxBodySize) {
}

package com.whatsappflowhub.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * The ad or post a customer clicked to start the conversation ({@code referral}, click-to-WhatsApp ads).
 */
public record Referral(@Nullable String sourceUrl, @Nullable String sourceId, @Nullable String sourceType,
		@Nullable String headline, @Nullable String body, @Nullable String mediaType, @Nullable String imageUrl,
		@Nullable String videoUrl, @Nullable String thumbnailUrl, @Nullable String ctwaClid) {
}

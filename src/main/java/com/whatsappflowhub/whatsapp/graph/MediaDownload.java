package com.whatsappflowhub.whatsapp.graph;

import org.jspecify.annotations.Nullable;

import com.whatsappflowhub.whatsapp.WhatsAppError;

/** What became of a media download: the bytes, or a failure that is worth retrying or not. */
public sealed interface MediaDownload {

	/**
	 * The media's bytes, checked against Meta's sha256 and size.
	 *
	 * @param sha256Hex the SHA-256 of {@code bytes}, lowercase hex
	 */
	record Downloaded(String mediaId, byte[] bytes, @Nullable String mimeType, String sha256Hex)
			implements MediaDownload {
	}

	/** A failure that may pass: server errors, rate limits, broken connections, an expired URL, a corrupt transfer. */
	record TransientFailure(String reason, @Nullable Integer httpStatus) implements MediaDownload {
	}

	/**
	 * A failure that will not pass by retrying: unknown or deleted media, a refused token (the number needs
	 * attention), a URL outside Meta's hosts.
	 */
	record PermanentFailure(String reason, @Nullable Integer httpStatus, @Nullable WhatsAppError error)
			implements MediaDownload {
	}
}

package com.whatsappflowhub.extraction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published when a received message has been analysed (the seed's {@code MessageProcessedEvent}). The
 * listener on {@code MessageReceived} lands with the WhatsApp channel.
 */
public record MessageAnalyzed(UUID eventId, Instant timestamp, String tenantId, String messageId,
		List<ExtractedTask> tasks, ProcessingMetadata metadata) {

	public MessageAnalyzed {
		tasks = List.copyOf(tasks);
	}

	/** How the analysis was made. */
	public record ProcessingMetadata(double confidence, Duration processingTime, String modelVersion) {
	}

	public static MessageAnalyzed of(String tenantId, String messageId, Analysis analysis, Instant now) {
		return new MessageAnalyzed(UUID.randomUUID(), now, tenantId, messageId, analysis.tasks(),
				new ProcessingMetadata(analysis.confidence(), analysis.took(),
						analysis.engine() + "/" + analysis.engineVersion()));
	}
}

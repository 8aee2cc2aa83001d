package com.whatsappflowhub.extraction;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One piece of work found in a message. {@code evidence} maps a field name ({@code action}, {@code assignee},
 * {@code priority}, {@code deadline}) to the span of the text that justifies it.
 */
public record ExtractedTask(String title, String description, Priority priority, @Nullable String assignee,
		@Nullable Deadline deadline, double confidence, Map<String, Span> evidence) {

	public ExtractedTask {
		evidence = Map.copyOf(evidence);
	}
}

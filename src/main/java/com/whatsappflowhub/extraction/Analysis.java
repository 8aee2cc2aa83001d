package com.whatsappflowhub.extraction;

import java.time.Duration;
import java.util.List;

/**
 * What the engine found in one message. {@code dates} holds every date or time expression of the text,
 * resolved, in text order (each with its evidence span); tasks carry the one that constrains them.
 */
public record Analysis(String language, double languageConfidence, boolean actionable, double confidence,
		List<ExtractedTask> tasks, Sentiment sentiment, List<Entity> entities, List<Deadline> dates, String engine, String engineVersion,
		Duration took) {

	public Analysis {
		tasks = List.copyOf(tasks);
		entities = List.copyOf(entities);
		dates = List.copyOf(dates);
	}
}

package com.whatsappflowhub.extraction;

import com.whatsappflowhub.extraction.embedded.EmbeddedEngine;
import java.util.List;

/** Finds the work in a message. Implementations are thread-safe and deterministic. */
public interface ExtractionEngine {

	Analysis analyse(AnalysisRequest request);

	/**
	 * Analyses several messages at once, in order: the same analyses as {@link #analyse} one by one (apart from
	 * {@code took}); an engine may batch its model calls here (the embedded engine embeds all texts in one call).
	 */
	default List<Analysis> analyseAll(List<AnalysisRequest> requests) {
		return requests.stream().map(this::analyse).toList();
	}

	String name();

	String version();

	/** The default offline engine with the default business conventions; usable without Spring. */
	static ExtractionEngine embedded() {
		return EmbeddedEngine.create(BusinessConventions.DEFAULTS);
	}

	static ExtractionEngine embedded(BusinessConventions conventions) {
		return EmbeddedEngine.create(conventions);
	}
}

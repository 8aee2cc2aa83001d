package com.whatsappflowhub.extraction;

import com.whatsappflowhub.extraction.embedded.EmbeddedEngine;

/** Finds the work in a message. Implementations are thread-safe and deterministic. */
public interface ExtractionEngine {

	Analysis analyse(AnalysisRequest request);

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

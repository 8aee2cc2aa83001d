/**
 * Extraction: the AI pipeline that reads a business message and finds the work in it (language, actionable
 * detection, tasks with priority, assignee and deadline, sentiment, entities, evidence spans).
 *
 * <p>The API is the public types of this package: {@link com.whatsappflowhub.extraction.ExtractionEngine},
 * {@link com.whatsappflowhub.extraction.AnalysisRequest}, {@link com.whatsappflowhub.extraction.Analysis} and
 * the {@link com.whatsappflowhub.extraction.MessageAnalyzed} event. The default engine lives in
 * {@code embedded}: offline, deterministic, no network.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Extraction", allowedDependencies = { "platform", "identity", "inbox" })
@org.jspecify.annotations.NullMarked
package com.whatsappflowhub.extraction;

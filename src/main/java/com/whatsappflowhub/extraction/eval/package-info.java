/** Scoring of the engine on labelled JSONL files (the {@code evaluate} command). */
@org.jspecify.annotations.NullMarked
package com.whatsappflowhub.extraction.eval;

/** The optional LLM engine: an OpenAI-compatible endpoint with JSON-schema output, falling back to the embedded engine. */
@org.jspecify.annotations.NullMarked
package com.whatsappflowhub.extraction.llm;

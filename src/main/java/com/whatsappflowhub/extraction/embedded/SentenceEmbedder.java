package com.whatsappflowhub.extraction.embedded;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised), run through ONNX from the model file inside the
 * LangChain4j artifact: offline, no download.
 */
public final class SentenceEmbedder {

	public static final int DIMENSIONS = 384;

	private final EmbeddingModel model;

	public SentenceEmbedder() {
		this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
	}

	/** The embeddings of several texts in one model call, in order. */
	public java.util.List<float[]> embedAll(java.util.List<String> texts) {
		var segments = texts.stream().map(t -> dev.langchain4j.data.segment.TextSegment.from(t.isBlank() ? "." : t)).toList();
		return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
	}

	public float[] embed(String text) {
		String input = text.isBlank() ? "." : text;
		return model.embed(input).content().vector();
	}
}

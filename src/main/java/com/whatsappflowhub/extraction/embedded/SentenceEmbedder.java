package com.whatsappflowhub.extraction.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised), run through ONNX from the model file inside the
 * LangChain4j artifact: offline, no download.
 *
 * <p>The ONNX session runs each call on the calling thread only (one intra-op thread, no spinning). ONNX Runtime's
 * default is a pool of one thread per core whose idle threads spin waiting for the next call: with the pipeline's
 * analysis workers already one per core, that pool cost 5.4 ms of CPU per message for a 3 ms model, and took the
 * cores from the webhook and the database (measured with {@code scripts/cpu-per-message.py}).
 */
public final class SentenceEmbedder {

	public static final int DIMENSIONS = 384;

	private static final String MODEL = "all-minilm-l6-v2-q.onnx";

	private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

	private final EmbeddingModel model;

	public SentenceEmbedder() {
		this.model = new OnCallingThread(encoder());
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

	private static OnnxBertBiEncoder encoder() {
		ClassLoader loader = AbstractInProcessEmbeddingModel.class.getClassLoader();
		try (InputStream modelFile = loader.getResourceAsStream(MODEL);
				InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
			if (modelFile == null || tokenizer == null) {
				throw new IllegalStateException(MODEL + " or its tokenizer is not on the class path");
			}
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			options.addConfigEntry("session.inter_op.allow_spinning", "0");
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			OrtSession session = environment.createSession(modelFile.readAllBytes(), options);
			return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("ONNX Runtime could not load " + MODEL, ex);
		}
	}

	/** LangChain4j's model around our session; a batch is embedded on the calling thread too. */
	private static final class OnCallingThread extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		OnCallingThread(OnnxBertBiEncoder encoder) {
			super(Runnable::run);
			this.encoder = encoder;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}

		@Override
		protected Integer knownDimension() {
			return DIMENSIONS;
		}
	}
}

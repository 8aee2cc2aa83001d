package com.whatsappflowhub.extraction.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A logistic regression over the linguistic features and the sentence embedding. Its weights are trained by
 * {@code TrainActionableClassifier} (rerunnable, see the README) and stored in
 * {@code src/main/resources/extraction/actionable-model.json}. The output is a probability.
 */
public record ActionableModel(String version, List<String> features, double[] featureWeights, double[] embeddingWeights,
		double bias, double threshold, String trainedOn, java.util.Map<String, Double> crossValidation) {

	public static final String RESOURCE = "/extraction/actionable-model.json";

	public double probability(double[] features, float[] embedding) {
		double z = bias;
		for (int i = 0; i < features.length && i < featureWeights.length; i++) {
			z += featureWeights[i] * features[i];
		}
		for (int i = 0; i < embedding.length && i < embeddingWeights.length; i++) {
			z += embeddingWeights[i] * embedding[i];
		}
		return 1 / (1 + Math.exp(-z));
	}

	/** A model that knows nothing: only for computing training inputs before any model exists. */
	static ActionableModel untrained() {
		return new ActionableModel("untrained", Features.NAMES, new double[Features.NAMES.size()],
				new double[SentenceEmbedder.DIMENSIONS], 0, 0.5, "", java.util.Map.of());
	}

	public static ActionableModel load() {
		try (InputStream in = ActionableModel.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing " + RESOURCE + ": run the training (see README)");
			}
			return JsonMapper.builder().build().readValue(in, ActionableModel.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + RESOURCE, ex);
		}
	}
}

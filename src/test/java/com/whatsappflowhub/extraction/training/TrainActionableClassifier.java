package com.whatsappflowhub.extraction.training;

import com.whatsappflowhub.extraction.embedded.ActionableModel;
import com.whatsappflowhub.extraction.embedded.EmbeddedEngine;
import com.whatsappflowhub.extraction.embedded.Features;
import com.whatsappflowhub.extraction.embedded.SentenceEmbedder;
import com.whatsappflowhub.extraction.eval.LabelledItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains the actionable classifier (logistic regression over features + sentence embedding) on the data
 * whose licence allows it: Parakweet (Apache-2.0) and whatsapp-dev. Reports 5-fold cross-validated F1 per
 * file, picks the threshold that maximises their mean, trains on everything and writes the weights to
 * {@code src/main/resources/extraction/actionable-model.json}. Deterministic: same data, same weights.
 *
 * <p>Run: {@code ./mvnw -q -B -Ptrain test-compile exec:java} (args: parakweet file, whatsapp file, output).
 */
public final class TrainActionableClassifier {

	static final double L2 = Double.parseDouble(System.getProperty("l2", "1e-3"));

	static final int EPOCHS = Integer.getInteger("epochs", 400);

	static final double WHATSAPP_WEIGHT = Double.parseDouble(System.getProperty("waweight", "4.0"));

	/** {@code business}: the tenant's staff directory stands for the business; {@code language}: the gold language. */
	record Example(double[] x, boolean y, double weight, int source, String business, String language) {
	}

	public static void main(String[] args) throws Exception {
		Path parakweet = Path.of(args.length > 0 ? args[0] : "../shared/eval/parakweet-train.jsonl");
		Path whatsapp = Path.of(args.length > 1 ? args[1] : "../shared/eval/whatsapp-dev.jsonl");
		Path output = Path.of(args.length > 2 ? args[2] : "src/main/resources/extraction/actionable-model.json");
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		var examples = new ArrayList<Example>();
		load(examples, LabelledItem.read(parakweet, mapper), 1.0, 0);
		load(examples, LabelledItem.read(whatsapp, mapper), WHATSAPP_WEIGHT, 1);
		System.err.printf(Locale.ROOT, "%d examples, %d inputs%n", examples.size(), examples.get(0).x().length);

		if (Boolean.getBoolean("mlp")) {
			MlpExperiment.run(examples);
			return;
		}
		int folds = 5;
		double[] scores = new double[examples.size()];
		for (int fold = 0; fold < folds; fold++) {
			var train = new ArrayList<Example>();
			for (int i = 0; i < examples.size(); i++) {
				if (i % folds != fold) {
					train.add(examples.get(i));
				}
			}
			double[] w = fit(train);
			for (int i = fold; i < examples.size(); i += folds) {
				scores[i] = predict(w, examples.get(i).x());
			}
		}
		double bestThreshold = 0.5;
		double bestMean = -1;
		for (double t = 0.2; t <= 0.8; t += 0.01) {
			double mean = (f1(examples, scores, t, 0) + f1(examples, scores, t, 1)) / 2;
			if (mean > bestMean + 1e-9) {
				bestMean = mean;
				bestThreshold = Math.round(t * 100) / 100.0;
			}
		}
		var cv = new LinkedHashMap<String, Double>();
		cv.put("parakweet_f1", round(f1(examples, scores, bestThreshold, 0)));
		cv.put("whatsapp_dev_f1", round(f1(examples, scores, bestThreshold, 1)));
		cv.put("folds", (double) folds);
		System.err.println("5-fold cross-validated F1 at threshold " + bestThreshold + ": " + cv);

		if (Boolean.getBoolean("grouped")) {
			// grouped cross-validation on whatsapp-dev: whole businesses, then whole languages, never seen in training
			System.err.println("grouped CV by business: " + grouped(examples, bestThreshold, Example::business, 5));
			System.err.println("grouped CV by language: " + grouped(examples, bestThreshold, Example::language, 0));
			return;
		}
		double[] w = fit(examples);
		double[] fitted = new double[examples.size()];
		for (int i = 0; i < examples.size(); i++) {
			fitted[i] = predict(w, examples.get(i).x());
		}
		System.err.printf(Locale.ROOT, "in-sample F1: parakweet %.4f, whatsapp-dev %.4f%n",
				f1(examples, fitted, bestThreshold, 0), f1(examples, fitted, bestThreshold, 1));
		int nf = Features.NAMES.size();
		double[] featureWeights = new double[nf];
		double[] embeddingWeights = new double[SentenceEmbedder.DIMENSIONS];
		for (int i = 0; i < nf; i++) {
			featureWeights[i] = round6(w[i]);
		}
		for (int i = 0; i < SentenceEmbedder.DIMENSIONS; i++) {
			embeddingWeights[i] = round6(w[nf + i]);
		}
		// the bias is the weight of the constant feature "bias_text"
		var model = new ActionableModel("lr-" + Integer.toHexString(java.util.Arrays.hashCode(featureWeights)),
				Features.NAMES, featureWeights, embeddingWeights, 0.0, bestThreshold,
				"parakweet-train.jsonl (Apache-2.0) + whatsapp-dev.jsonl (x" + WHATSAPP_WEIGHT + ")", cv);
		Files.writeString(output, mapper.writeValueAsString(model) + "\n");
		System.err.println("wrote " + output);
		var top = new ArrayList<Map.Entry<String, Double>>();
		for (int i = 0; i < nf; i++) {
			top.add(Map.entry(Features.NAMES.get(i), featureWeights[i]));
		}
		top.sort((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())));
		System.err.println("feature weights: " + top);
	}

	/**
	 * Holds out whole groups of whatsapp-dev (Parakweet always trains): with {@code folds} > 0 the groups are dealt
	 * into that many folds, with 0 each group is its own fold. Returns the pooled F1 and the F1 of each language.
	 */
	static Map<String, Double> grouped(List<Example> examples, double threshold,
			java.util.function.Function<Example, String> group, int folds) {
		var groups = examples.stream().filter(e -> e.source() == 1).map(group).distinct().sorted().toList();
		int n = folds > 0 ? folds : groups.size();
		double[] scores = new double[examples.size()];
		for (int fold = 0; fold < n; fold++) {
			var held = new java.util.HashSet<String>();
			for (int g = 0; g < groups.size(); g++) {
				if (g % n == fold) {
					held.add(groups.get(g));
				}
			}
			var train = new ArrayList<Example>();
			for (Example e : examples) {
				if (e.source() != 1 || !held.contains(group.apply(e))) {
					train.add(e);
				}
			}
			double[] w = fit(train);
			for (int i = 0; i < examples.size(); i++) {
				Example e = examples.get(i);
				if (e.source() == 1 && held.contains(group.apply(e))) {
					scores[i] = predict(w, e.x());
				}
			}
		}
		var out = new LinkedHashMap<String, Double>();
		out.put("whatsapp_dev_f1", round(f1(examples, scores, threshold, 1)));
		for (String language : examples.stream().filter(e -> e.source() == 1).map(Example::language).distinct().sorted().toList()) {
			var only = new ArrayList<Example>();
			var s = new ArrayList<Double>();
			for (int i = 0; i < examples.size(); i++) {
				if (examples.get(i).source() == 1 && examples.get(i).language().equals(language)) {
					only.add(examples.get(i));
					s.add(scores[i]);
				}
			}
			out.put(language, round(f1(only, s.stream().mapToDouble(Double::doubleValue).toArray(), threshold, 1)));
		}
		out.put("folds", (double) n);
		return out;
	}

	private static void load(List<Example> out, List<LabelledItem> items, double weight, int source) {
		for (LabelledItem item : items) {
			if (item.actionable() == null) {
				continue;
			}
			var inputs = EmbeddedEngine.inputs(item.request());
			double[] x = new double[inputs.features().length + inputs.embedding().length];
			System.arraycopy(inputs.features(), 0, x, 0, inputs.features().length);
			for (int i = 0; i < inputs.embedding().length; i++) {
				x[inputs.features().length + i] = inputs.embedding()[i];
			}
			out.add(new Example(x, item.actionable(), weight, source, String.join("|", item.request().directory()),
					item.language() == null ? "" : item.language()));
		}
	}

	/** Full-batch gradient descent with Adam and L2; deterministic. */
	static double[] fit(List<Example> data) {
		int d = data.get(0).x().length;
		double[] w = new double[d];
		double[] m = new double[d];
		double[] v = new double[d];
		double lr = 0.05;
		double totalWeight = data.stream().mapToDouble(Example::weight).sum();
		for (int epoch = 1; epoch <= EPOCHS; epoch++) {
			double[] g = new double[d];
			for (Example e : data) {
				double p = predict(w, e.x());
				double err = (p - (e.y() ? 1 : 0)) * e.weight();
				double[] x = e.x();
				for (int j = 0; j < d; j++) {
					g[j] += err * x[j];
				}
			}
			for (int j = 0; j < d; j++) {
				g[j] = g[j] / totalWeight + (j == 0 ? 0 : L2 * w[j]);
				m[j] = 0.9 * m[j] + 0.1 * g[j];
				v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
				double mh = m[j] / (1 - Math.pow(0.9, epoch));
				double vh = v[j] / (1 - Math.pow(0.999, epoch));
				w[j] -= lr * mh / (Math.sqrt(vh) + 1e-8);
			}
		}
		return w;
	}

	static double predict(double[] w, double[] x) {
		double z = 0;
		for (int j = 0; j < x.length; j++) {
			z += w[j] * x[j];
		}
		return 1 / (1 + Math.exp(-z));
	}

	static double f1(List<Example> data, double[] scores, double t, int source) {
		int tp = 0;
		int fp = 0;
		int fn = 0;
		for (int i = 0; i < data.size(); i++) {
			Example e = data.get(i);
			if (e.source() != source) {
				continue;
			}
			boolean p = scores[i] >= t;
			if (p && e.y()) {
				tp++;
			}
			else if (p) {
				fp++;
			}
			else if (e.y()) {
				fn++;
			}
		}
		return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
	}

	static double round(double v) {
		return Math.round(v * 10000) / 10000.0;
	}

	static double round6(double v) {
		return Math.round(v * 1e6) / 1e6;
	}
}

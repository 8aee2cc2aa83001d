package com.whatsappflowhub.extraction.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * An experiment, not the shipped model: a one-hidden-layer network on the same inputs, to see whether a
 * non-linear classifier beats the logistic regression in cross-validation ({@code -Dmlp=true}).
 */
final class MlpExperiment {

	static final int HIDDEN = Integer.getInteger("hidden", 32);

	static final int EPOCHS = Integer.getInteger("mlpEpochs", 300);

	private MlpExperiment() {
	}

	static void run(List<TrainActionableClassifier.Example> examples) {
		int folds = 5;
		double[] scores = new double[examples.size()];
		for (int fold = 0; fold < folds; fold++) {
			var train = new ArrayList<TrainActionableClassifier.Example>();
			for (int i = 0; i < examples.size(); i++) {
				if (i % folds != fold) {
					train.add(examples.get(i));
				}
			}
			Net net = fit(train);
			for (int i = fold; i < examples.size(); i += folds) {
				scores[i] = net.predict(examples.get(i).x());
			}
			System.err.println("fold " + fold + " done");
		}
		double best = -1;
		double bestT = 0.5;
		for (double t = 0.2; t <= 0.8; t += 0.01) {
			double mean = (TrainActionableClassifier.f1(examples, scores, t, 0) + TrainActionableClassifier.f1(examples, scores, t, 1)) / 2;
			if (mean > best) {
				best = mean;
				bestT = t;
			}
		}
		System.err.printf(Locale.ROOT, "MLP(%d) 5-fold CV at %.2f: parakweet %.4f, whatsapp-dev %.4f%n", HIDDEN, bestT,
				TrainActionableClassifier.f1(examples, scores, bestT, 0), TrainActionableClassifier.f1(examples, scores, bestT, 1));
	}

	static final class Net {
		final int d;
		final double[][] w1;
		final double[] b1 = new double[HIDDEN];
		final double[] w2 = new double[HIDDEN];
		double b2;

		Net(int d) {
			this.d = d;
			w1 = new double[HIDDEN][d];
			var random = new Random(42);
			for (double[] row : w1) {
				for (int j = 0; j < d; j++) {
					row[j] = random.nextGaussian() * Math.sqrt(1.0 / d);
				}
			}
			for (int h = 0; h < HIDDEN; h++) {
				w2[h] = random.nextGaussian() * Math.sqrt(1.0 / HIDDEN);
			}
		}

		double predict(double[] x) {
			double z = b2;
			for (int h = 0; h < HIDDEN; h++) {
				double a = b1[h];
				double[] row = w1[h];
				for (int j = 0; j < d; j++) {
					a += row[j] * x[j];
				}
				z += w2[h] * Math.tanh(a);
			}
			return 1 / (1 + Math.exp(-z));
		}
	}

	static Net fit(List<TrainActionableClassifier.Example> data) {
		int d = data.get(0).x().length;
		Net net = new Net(d);
		double lr = 0.01;
		double l2 = 1e-4;
		int n = HIDDEN * d + HIDDEN + HIDDEN + 1;
		double[] m = new double[n];
		double[] v = new double[n];
		double total = data.stream().mapToDouble(TrainActionableClassifier.Example::weight).sum();
		double[] hidden = new double[HIDDEN];
		for (int epoch = 1; epoch <= EPOCHS; epoch++) {
			double[][] gw1 = new double[HIDDEN][d];
			double[] gb1 = new double[HIDDEN];
			double[] gw2 = new double[HIDDEN];
			double gb2 = 0;
			for (var e : data) {
				double[] x = e.x();
				double z = net.b2;
				for (int h = 0; h < HIDDEN; h++) {
					double a = net.b1[h];
					double[] row = net.w1[h];
					for (int j = 0; j < d; j++) {
						a += row[j] * x[j];
					}
					hidden[h] = Math.tanh(a);
					z += net.w2[h] * hidden[h];
				}
				double p = 1 / (1 + Math.exp(-z));
				double err = (p - (e.y() ? 1 : 0)) * e.weight() / total;
				gb2 += err;
				for (int h = 0; h < HIDDEN; h++) {
					gw2[h] += err * hidden[h];
					double back = err * net.w2[h] * (1 - hidden[h] * hidden[h]);
					gb1[h] += back;
					double[] g = gw1[h];
					for (int j = 0; j < d; j++) {
						g[j] += back * x[j];
					}
				}
			}
			int k = 0;
			for (int h = 0; h < HIDDEN; h++) {
				for (int j = 0; j < d; j++) {
					net.w1[h][j] -= adam(m, v, k++, gw1[h][j] + l2 * net.w1[h][j], epoch, lr);
				}
			}
			for (int h = 0; h < HIDDEN; h++) {
				net.b1[h] -= adam(m, v, k++, gb1[h], epoch, lr);
				net.w2[h] -= adam(m, v, k++, gw2[h] + l2 * net.w2[h], epoch, lr);
			}
			net.b2 -= adam(m, v, k, gb2, epoch, lr);
		}
		return net;
	}

	private static double adam(double[] m, double[] v, int k, double g, int t, double lr) {
		m[k] = 0.9 * m[k] + 0.1 * g;
		v[k] = 0.999 * v[k] + 0.001 * g * g;
		double mh = m[k] / (1 - Math.pow(0.9, t));
		double vh = v[k] / (1 - Math.pow(0.999, t));
		return lr * mh / (Math.sqrt(vh) + 1e-8);
	}
}

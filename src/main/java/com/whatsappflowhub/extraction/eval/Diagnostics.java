package com.whatsappflowhub.extraction.eval;

import com.whatsappflowhub.extraction.ExtractedTask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What an evaluation run got wrong and how sure it was: a confusion summary per language and per field (actionable,
 * task count, priority, assignee, deadline: "gold -> predicted" counts), and a calibration table of the actionable
 * probability in deciles (how many messages, their mean predicted probability, how many were really actionable),
 * so a tenant can pick its own threshold.
 */
final class Diagnostics {

	private static final String ALL = "all";

	/** language -> field -> "gold -> predicted" -> count */
	private final Map<String, Map<String, Map<String, Integer>>> confusion = new TreeMap<>();

	private final int[] binCount = new int[10];

	private final double[] binProbability = new double[10];

	private final int[] binPositive = new int[10];

	private void count(@Nullable String language, String field, String cell) {
		for (String key : language == null ? new String[] { ALL } : new String[] { ALL, language }) {
			confusion.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(field, k -> new TreeMap<>())
				.merge(cell, 1, Integer::sum);
		}
	}

	void actionable(@Nullable String language, boolean gold, boolean predicted, double probability) {
		count(language, "actionable", gold + " -> " + predicted);
		int bin = Math.min(9, Math.max(0, (int) Math.floor(probability * 10)));
		binCount[bin]++;
		binProbability[bin] += probability;
		if (gold) {
			binPositive[bin]++;
		}
	}

	void taskCount(@Nullable String language, int gold, int predicted) {
		count(language, "task_count", Math.min(gold, 3) + (gold >= 3 ? "+" : "") + " -> " + Math.min(predicted, 3)
				+ (predicted >= 3 ? "+" : ""));
	}

	void task(@Nullable String language, JsonNode gold, ExtractedTask predicted) {
		count(language, "priority", gold.path("priority").asString("?") + " -> " + predicted.priority().label());
		String goldAssignee = gold.hasNonNull("assignee") ? gold.get("assignee").asString() : null;
		count(language, "assignee", outcome(goldAssignee != null, predicted.assignee() != null,
				java.util.Objects.equals(goldAssignee, predicted.assignee())));
		boolean goldDeadline = gold.hasNonNull("deadline");
		count(language, "deadline", outcome(goldDeadline, predicted.deadline() != null,
				DeadlineScoring.matches(gold.get("deadline"), predicted.deadline())));
	}

	/** correct, wrong (both set, different), missed (gold set, none predicted), spurious (none in gold, one predicted). */
	private static String outcome(boolean goldSet, boolean predictedSet, boolean equal) {
		if (equal) {
			return goldSet ? "correct" : "correct (none)";
		}
		if (goldSet && predictedSet) {
			return "wrong";
		}
		return goldSet ? "missed" : "spurious";
	}

	Map<String, Object> confusion() {
		var out = new LinkedHashMap<String, Object>();
		if (confusion.containsKey(ALL)) {
			out.put(ALL, confusion.get(ALL));
		}
		confusion.forEach((k, v) -> {
			if (!k.equals(ALL)) {
				out.put(k, v);
			}
		});
		return out;
	}

	/** Deciles of the actionable probability: n, mean probability, observed share of actionable messages. */
	java.util.List<Map<String, Object>> calibration() {
		var rows = new java.util.ArrayList<Map<String, Object>>();
		for (int b = 0; b < 10; b++) {
			var row = new LinkedHashMap<String, Object>();
			row.put("probability", String.format(java.util.Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0));
			row.put("n", binCount[b]);
			row.put("mean_probability", binCount[b] == 0 ? 0 : Evaluator.round(binProbability[b] / binCount[b]));
			row.put("observed_actionable", binCount[b] == 0 ? 0 : Evaluator.round((double) binPositive[b] / binCount[b]));
			rows.add(row);
		}
		return rows;
	}
}

package com.whatsappflowhub.extraction.eval;

import com.whatsappflowhub.extraction.Analysis;
import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.ExtractionEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Runs an engine over labelled items and computes the report of {@code shared/eval/README.md}. */
public final class Evaluator {

	private final ExtractionEngine engine;

	public Evaluator(ExtractionEngine engine) {
		this.engine = engine;
	}

	/** Confusion counts of a binary decision. */
	public static final class Binary {
		int tp, fp, fn, tn;

		void add(boolean gold, boolean predicted) {
			if (gold && predicted) {
				tp++;
			}
			else if (predicted) {
				fp++;
			}
			else if (gold) {
				fn++;
			}
			else {
				tn++;
			}
		}

		public double precision() {
			return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
		}

		public double recall() {
			return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
		}

		public double f1() {
			double p = precision();
			double r = recall();
			return p + r == 0 ? 0 : 2 * p * r / (p + r);
		}

		Map<String, Object> toMap() {
			var m = new LinkedHashMap<String, Object>();
			m.put("labelled", tp + fp + fn + tn);
			m.put("tp", tp);
			m.put("fp", fp);
			m.put("fn", fn);
			m.put("tn", tn);
			m.put("precision", round(precision()));
			m.put("recall", round(recall()));
			m.put("f1", round(f1()));
			m.put("accuracy", round(tp + fp + fn + tn == 0 ? 0 : (double) (tp + tn) / (tp + fp + fn + tn)));
			return m;
		}
	}

	/** The measured figures, and the errors for inspection. */
	public record Result(Map<String, Object> report, List<Map<String, Object>> errors) {

		@SuppressWarnings("unchecked")
		public double figure(String section, String name) {
			Object v = ((Map<String, Object>) report.get(section)).get(name);
			return ((Number) v).doubleValue();
		}
	}

	public Result evaluate(List<LabelledItem> items, int warmup) {
		for (int i = 0; i < Math.min(warmup, items.size()); i++) {
			engine.analyse(items.get(i).request());
		}
		var actionable = new Binary();
		var perLanguage = new TreeMap<String, Binary>();
		int languageLabelled = 0;
		int languageCorrect = 0;
		int deadlineLabelled = 0;
		int deadlineCorrect = 0;
		int taskItems = 0;
		int countCorrect = 0;
		int taskPairs = 0;
		int titlePairs = 0;
		double titleF1 = 0;
		int assigneeCorrect = 0;
		int priorityCorrect = 0;
		int taskDeadlineCorrect = 0;
		var latencies = new ArrayList<Double>();
		var errors = new ArrayList<Map<String, Object>>();
		var diagnostics = new Diagnostics();
		var kinds = new Grouping();
		var groups = new GroupedTasks();
		for (LabelledItem item : items) {
			long t0 = System.nanoTime();
			Analysis analysis = engine.analyse(item.request());
			latencies.add((System.nanoTime() - t0) / 1e6);
			var problems = new ArrayList<String>();
			if (item.language() != null) {
				languageLabelled++;
				if (sameLanguage(item.language(), analysis.language())) {
					languageCorrect++;
				}
			}
			if (item.actionable() != null) {
				actionable.add(item.actionable(), analysis.actionable());
				diagnostics.actionable(item.language(), item.actionable(), analysis.actionable(), analysis.confidence());
				if (item.language() != null) {
					perLanguage.computeIfAbsent(item.language(), k -> new Binary())
						.add(item.actionable(), analysis.actionable());
				}
				if (item.actionable() != analysis.actionable()) {
					problems.add("actionable: gold " + item.actionable() + " got " + analysis.actionable() + " ("
							+ round(analysis.confidence()) + ")");
				}
			}
			if (item.hasDeadline()) {
				deadlineLabelled++;
				Deadline first = analysis.dates().isEmpty() ? null : analysis.dates().get(0);
				boolean hit = DeadlineScoring.matches(item.deadline(), first);
				kinds.add(item.request().text(), String.valueOf(item.deadline()), hit);
				if (hit) {
					deadlineCorrect++;
				}
				else {
					problems.add("deadline: gold " + item.deadline() + " got " + describe(first));
				}
			}
			if (item.tasks() != null) {
				taskItems++;
				JsonNode gold = item.tasks();
				List<ExtractedTask> predicted = analysis.tasks();
				diagnostics.taskCount(item.language(), gold.size(), predicted.size());
				if (gold.size() == predicted.size()) {
					countCorrect++;
					for (int i = 0; i < gold.size(); i++) {
						JsonNode g = gold.get(i);
						ExtractedTask p = predicted.get(i);
						diagnostics.task(item.language(), g, p);
						taskPairs++;
						String goldAssignee = g.hasNonNull("assignee") ? g.get("assignee").asString() : null;
						if (java.util.Objects.equals(goldAssignee, p.assignee())) {
							assigneeCorrect++;
						}
						else {
							problems.add("assignee " + i + ": gold " + goldAssignee + " got " + p.assignee());
						}
						if (g.path("priority").asString("").equals(p.priority().label())) {
							priorityCorrect++;
						}
						else {
							problems.add("priority " + i + ": gold " + g.path("priority").asString() + " got "
									+ p.priority().label());
						}
						if (DeadlineScoring.matches(g.get("deadline"), p.deadline())) {
							taskDeadlineCorrect++;
						}
						else {
							problems.add("task deadline " + i + ": gold " + g.get("deadline") + " got "
									+ describe(p.deadline()));
						}
						if (g.hasNonNull("title")) {
							titlePairs++;
							double f = tokenF1(g.get("title").asString(), p.title());
							titleF1 += f;
							if (f < 0.5) {
								problems.add("title " + i + ": gold '" + g.get("title").asString() + "' got '"
										+ p.title() + "'");
							}
						}
					}
				}
				else {
					problems.add("task count: gold " + gold.size() + " got " + predicted.size() + " "
							+ predicted.stream().map(ExtractedTask::title).toList());
				}
			}
			groups.add(item, analysis);
			if (!problems.isEmpty()) {
				var e = new LinkedHashMap<String, Object>();
				e.put("id", item.id());
				e.put("text", item.request().text());
				e.put("problems", problems);
				errors.add(e);
			}
		}
		var report = new LinkedHashMap<String, Object>();
		report.put("engine", engine.name() + "/" + engine.version());
		report.put("items", items.size());
		report.put("actionable", actionable.toMap());
		var deadline = new LinkedHashMap<String, Object>();
		deadline.put("labelled", deadlineLabelled);
		deadline.put("correct", deadlineCorrect);
		deadline.put("accuracy", round(deadlineLabelled == 0 ? 0 : (double) deadlineCorrect / deadlineLabelled));
		report.put("deadline", deadline);
		if (deadlineLabelled > 0) {
			report.put("deadline_by_kind", kinds.byKind());
			report.put("deadline_grouped", kinds.grouped());
		}
		if (taskItems > 0) {
			report.put("tasks_grouped", groups.report());
		}
		var tasks = new LinkedHashMap<String, Object>();
		tasks.put("labelled", taskItems);
		tasks.put("count_accuracy", round(taskItems == 0 ? 0 : (double) countCorrect / taskItems));
		tasks.put("pairs_scored", taskPairs);
		tasks.put("title_token_f1", round(titlePairs == 0 ? 0 : titleF1 / titlePairs));
		tasks.put("titles_scored", titlePairs);
		tasks.put("assignee_accuracy", round(taskPairs == 0 ? 0 : (double) assigneeCorrect / taskPairs));
		tasks.put("priority_accuracy", round(taskPairs == 0 ? 0 : (double) priorityCorrect / taskPairs));
		tasks.put("deadline_accuracy", round(taskPairs == 0 ? 0 : (double) taskDeadlineCorrect / taskPairs));
		report.put("tasks", tasks);
		var language = new LinkedHashMap<String, Object>();
		language.put("labelled", languageLabelled);
		language.put("accuracy", round(languageLabelled == 0 ? 0 : (double) languageCorrect / languageLabelled));
		report.put("language", language);
		var byLanguage = new LinkedHashMap<String, Object>();
		perLanguage.forEach((k, v) -> byLanguage.put(k, v.toMap()));
		report.put("actionable_by_language", byLanguage);
		report.put("confusion", diagnostics.confusion());
		report.put("calibration", diagnostics.calibration());
		var sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		var latency = new LinkedHashMap<String, Object>();
		latency.put("p50", round(percentile(sorted, 0.50)));
		latency.put("p90", round(percentile(sorted, 0.90)));
		latency.put("p99", round(percentile(sorted, 0.99)));
		latency.put("max", round(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
		latency.put("warmup_items", Math.min(warmup, items.size()));
		report.put("latency_ms", latency);
		return new Result(report, errors);
	}

	static boolean sameLanguage(String gold, String predicted) {
		return gold.equalsIgnoreCase(predicted) || gold.split("-")[0].equalsIgnoreCase(predicted.split("-")[0])
				&& !gold.contains("-") && !predicted.contains("-");
	}

	static String describe(@Nullable Deadline d) {
		if (d == null) {
			return "null";
		}
		return d.isInterval() ? d.from() + ".." + d.to() : d.value() + " " + d.grain().name().toLowerCase(Locale.ROOT);
	}

	/** Token-overlap F1 of two lower-cased titles. */
	public static double tokenF1(String gold, String predicted) {
		List<String> g = tokens(gold);
		List<String> p = tokens(predicted);
		if (g.isEmpty() || p.isEmpty()) {
			return g.isEmpty() && p.isEmpty() ? 1 : 0;
		}
		var remaining = new ArrayList<>(g);
		int common = 0;
		for (String t : p) {
			if (remaining.remove(t)) {
				common++;
			}
		}
		if (common == 0) {
			return 0;
		}
		double precision = (double) common / p.size();
		double recall = (double) common / g.size();
		return 2 * precision * recall / (precision + recall);
	}

	static List<String> tokens(String s) {
		return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty()).toList();
	}

	static double percentile(double[] sorted, double q) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(q * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static double round(double v) {
		return Math.round(v * 10000) / 10000.0;
	}


	/**
	 * Time expressions cut two ways: into kinds ({@link ExpressionKind}, from the structure of the text), and into
	 * example groups (a run of items with the same gold value: one expression written several ways), every third
	 * of which is blind — the development tool never prints its misses. In-sample is the visible groups of the
	 * kinds not held out; held-out is what nobody read: the blind groups, and the kinds held out as a whole.
	 */
	static final class Grouping {

		private final Map<String, int[]> perKind = new TreeMap<>();

		private final int[] inSample = new int[2];

		private final int[] blindGroups = new int[2];

		private final int[] heldOutKinds = new int[2];

		private int group = -1;

		private @Nullable String lastGold;

		void add(String text, String gold, boolean hit) {
			if (!gold.equals(lastGold)) {
				group++;
				lastGold = gold;
			}
			String kind = ExpressionKind.of(text);
			boolean blind = blindGroup(group);
			int[] k = perKind.computeIfAbsent(kind, x -> new int[4]);
			k[0] += hit ? 1 : 0;
			k[1]++;
			if (blind) {
				k[2] += hit ? 1 : 0;
				k[3]++;
			}
			int[] bucket = ExpressionKind.heldOut(kind) ? heldOutKinds : blind ? blindGroups : inSample;
			bucket[0] += hit ? 1 : 0;
			bucket[1]++;
		}

		static boolean blindGroup(int group) {
			return group % 3 == 2;
		}

		Map<String, Object> byKind() {
			var out = new LinkedHashMap<String, Object>();
			perKind.forEach((kind, k) -> {
				var m = new LinkedHashMap<String, Object>();
				m.put("labelled", k[1]);
				m.put("accuracy", round((double) k[0] / k[1]));
				m.put("blind_labelled", k[3]);
				m.put("blind_accuracy", k[3] == 0 ? null : round((double) k[2] / k[3]));
				m.put("held_out", ExpressionKind.heldOut(kind));
				out.put(kind, m);
			});
			return out;
		}

		Map<String, Object> grouped() {
			var out = new LinkedHashMap<String, Object>();
			out.put("in_sample", share(inSample));
			out.put("blind_groups", share(blindGroups));
			out.put("held_out_kinds", share(heldOutKinds));
			out.put("held_out_kind_names", ExpressionKind.names().stream().filter(ExpressionKind::heldOut).toList());
			double macro = perKind.values().stream().mapToDouble(k -> (double) k[0] / k[1]).average().orElse(0);
			out.put("kind_macro_accuracy", round(macro));
			return out;
		}

		private static Map<String, Object> share(int[] c) {
			var m = new LinkedHashMap<String, Object>();
			m.put("labelled", c[1]);
			m.put("accuracy", round(c[1] == 0 ? 0 : (double) c[0] / c[1]));
			return m;
		}
	}

	/**
	 * The task figures per language and per business (the staff directory stands for the business): each
	 * group's figures, and their mean and minimum over the groups, so one business or language that the rules
	 * fit badly shows instead of being averaged away.
	 */
	static final class GroupedTasks {

		/** per group: actionable tp/fp/fn/tn, task items, count correct, pairs, priority correct, deadline correct */
		private final Map<String, int[]> perLanguage = new TreeMap<>();

		private final Map<String, int[]> perBusiness = new TreeMap<>();

		void add(LabelledItem item, Analysis analysis) {
			if (item.tasks() == null) {
				return;
			}
			String business = String.join(",", new java.util.TreeSet<>(item.request().directory()));
			for (int[] c : List.of(perLanguage.computeIfAbsent(String.valueOf(item.language()), k -> new int[9]),
					perBusiness.computeIfAbsent(business.isEmpty() ? "(none)" : business, k -> new int[9]))) {
				if (item.actionable() != null) {
					boolean g = item.actionable();
					boolean p = analysis.actionable();
					c[g && p ? 0 : p ? 1 : g ? 2 : 3]++;
				}
				JsonNode gold = item.tasks();
				List<ExtractedTask> predicted = analysis.tasks();
				c[4]++;
				if (gold.size() == predicted.size()) {
					c[5]++;
					for (int i = 0; i < gold.size(); i++) {
						c[6]++;
						c[7] += gold.get(i).path("priority").asString("").equals(predicted.get(i).priority().label()) ? 1 : 0;
						c[8] += DeadlineScoring.matches(gold.get(i).get("deadline"), predicted.get(i).deadline()) ? 1 : 0;
					}
				}
			}
		}

		Map<String, Object> report() {
			var out = new LinkedHashMap<String, Object>();
			var languages = new LinkedHashMap<String, Object>();
			perLanguage.forEach((k, c) -> languages.put(k, figures(c)));
			out.put("by_language", languages);
			out.put("language_mean", mean(perLanguage.values(), false));
			out.put("language_min", mean(perLanguage.values(), true));
			out.put("businesses", perBusiness.size());
			out.put("business_mean", mean(perBusiness.values(), false));
			out.put("business_min", mean(perBusiness.values(), true));
			return out;
		}

		private static Map<String, Object> figures(int[] c) {
			var m = new LinkedHashMap<String, Object>();
			m.put("items", c[4]);
			double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
			double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
			// a group without a positive or without a matched task pair has no figure for that field
			m.put("actionable_f1", c[0] + c[1] + c[2] == 0 ? null : round(p + r == 0 ? 0 : 2 * p * r / (p + r)));
			m.put("count_accuracy", c[4] == 0 ? null : round((double) c[5] / c[4]));
			m.put("priority_accuracy", c[6] == 0 ? null : round((double) c[7] / c[6]));
			m.put("deadline_accuracy", c[6] == 0 ? null : round((double) c[8] / c[6]));
			return m;
		}

		private static Map<String, Object> mean(java.util.Collection<int[]> groups, boolean min) {
			var out = new LinkedHashMap<String, Object>();
			for (String field : List.of("actionable_f1", "count_accuracy", "priority_accuracy", "deadline_accuracy")) {
				var values = groups.stream().map(GroupedTasks::figures).filter(f -> f.get(field) != null)
					.mapToDouble(f -> ((Number) f.get(field)).doubleValue());
				out.put(field, round(min ? values.min().orElse(0) : values.average().orElse(0)));
			}
			return out;
		}
	}
}

package com.whatsappflowhub.extraction.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.whatsappflowhub.extraction.ExtractionEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the embedded engine on the labelled dev files (beside the project, in {@code ../shared/eval/}) and keeps
 * the measured figures from falling: each floor is the figure measured when it was set, rounded down. Raise
 * them when the engine gets better.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationRegressionTests {

	static final Path EVAL = Path.of("../shared/eval");

	final JsonMapper mapper = JsonMapper.builder().build();

	Evaluator evaluator;

	@BeforeAll
	void engine() {
		evaluator = new Evaluator(ExtractionEngine.embedded());
	}

	Evaluator.Result run(String file) throws Exception {
		return evaluator.evaluate(LabelledItem.read(EVAL.resolve(file), mapper), 0);
	}

	@Test
	void whatsappDevStaysAtOrAboveItsMeasuredFigures() throws Exception {
		Evaluator.Result result = run("whatsapp-dev.jsonl");
		assertThat(result.figure("actionable", "f1")).isGreaterThanOrEqualTo(0.96);
		assertThat(result.figure("tasks", "count_accuracy")).isGreaterThanOrEqualTo(0.94);
		assertThat(result.figure("tasks", "assignee_accuracy")).isGreaterThanOrEqualTo(0.99);
		assertThat(result.figure("tasks", "priority_accuracy")).isGreaterThanOrEqualTo(0.96);
		assertThat(result.figure("tasks", "deadline_accuracy")).isGreaterThanOrEqualTo(0.95);
		assertThat(result.figure("tasks", "title_token_f1")).isGreaterThanOrEqualTo(0.58);
		assertThat(result.figure("language", "accuracy")).isGreaterThanOrEqualTo(0.99);
	}

	@Test
	void ducklingDeadlinesStayAtOrAboveTheirMeasuredAccuracy() throws Exception {
		assertThat(run("duckling-dev.jsonl").figure("deadline", "accuracy")).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void parakweetStaysAtOrAboveItsMeasuredF1() throws Exception {
		// every third line keeps the suite fast; in-sample, since the classifier is trained on this file (the
		// cross-validated figure is in the model file)
		var all = LabelledItem.read(EVAL.resolve("parakweet-train.jsonl"), mapper);
		var sample = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 3 == 0).mapToObj(all::get).toList();
		assertThat(sample).hasSize(1219);
		assertThat(evaluator.evaluate(sample, 0).figure("actionable", "f1")).isGreaterThanOrEqualTo(0.81);
	}
}

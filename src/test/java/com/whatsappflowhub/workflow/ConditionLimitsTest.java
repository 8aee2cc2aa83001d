package com.whatsappflowhub.workflow;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** CEL's comprehension macros are on, and so are the bounds that keep one tenant's rule from stalling the pipeline. */
class ConditionLimitsTest {

	final Conditions conditions = new Conditions();

	static RuleInput input(List<String> labels, String text) {
		return new RuleInput(Map.of("text", text), Map.of(), Map.of("labels", labels), Map.of());
	}

	@Test
	void theStandardMacrosTestLists() throws Exception {
		String vip = "task.labels.exists(l, l == 'vip')";
		conditions.check(vip);
		assertThat(conditions.matches(vip, input(List.of("new", "vip"), ""))).isTrue();
		assertThat(conditions.matches(vip, input(List.of("new"), ""))).isFalse();
		assertThat(conditions.matches("task.labels.all(l, l.size() < 10) && task.labels.filter(l, l == 'a').size() == 1"
				+ " && task.labels.map(l, l + '!').exists_one(l, l == 'a!') && has(task.labels)",
				input(List.of("a", "b"), ""))).isTrue();
	}

	@Test
	void aConditionWhoseEstimatedCostIsTooHighIsRefusedWhenSaved() {
		String hundred = IntStream.range(0, 100).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
		assertThatThrownBy(() -> conditions.check(hundred + ".all(x, " + hundred + ".all(y, " + hundred + ".all(z, x + y + z >= 0)))"))
			.isInstanceOf(InvalidRule.class)
			.hasMessageContaining("too expensive")
			.hasMessageContaining("limit is " + Conditions.MAX_COST);
		assertThatThrownBy(() -> conditions.check("task.labels.all(a, task.labels.all(b, task.labels.all(c, a == b)))"))
			.isInstanceOf(InvalidRule.class)
			.hasMessageContaining("too expensive");
		conditions.check("task.labels.exists(l, l == 'vip')"); // a plain one stays cheap
	}

	@Test
	void oneEvaluationStopsAfterTheIterationBudget() {
		List<String> many = Collections.nCopies(Conditions.MAX_ITERATIONS + 1, "x");
		Throwable stopped = catchThrowable(() -> conditions.matches("task.labels.all(l, l == 'x')", input(many, "")));
		assertThat(stopped).isNotNull();
		assertThat(stopped).hasStackTraceContaining("terat"); // cel-java: "Iteration budget exceeded"
	}

	@Test
	void oneEvaluationIsStoppedAfterItsTimeBudget() {
		String text = "ab".repeat(500_000);
		List<String> labels = Collections.nCopies(Conditions.MAX_ITERATIONS - 1, "x");
		String slow = "task.labels.all(l, message.text.matches('(a|b)*c') == false)";
		conditions.check(slow);
		long started = System.nanoTime();
		Throwable stopped = catchThrowable(() -> conditions.matches(slow, input(labels, text)));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(stopped).hasStackTraceContaining("longer than " + Conditions.TIME_BUDGET.toMillis() + " ms");
		assertThat(took).isLessThan(Duration.ofSeconds(5));
	}
}

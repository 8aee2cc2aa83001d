package com.whatsappflowhub.workflow;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.springframework.stereotype.Component;

/**
 * Compiles and evaluates rule conditions in CEL: a side-effect-free expression language with no I/O. The standard
 * macros ({@code has}, {@code all}, {@code exists}, {@code exists_one}, {@code map}, {@code filter}) are enabled, so a
 * rule can test a list ({@code task.labels.exists(l, l == 'vip')}), and with them three bounds, because conditions run
 * on the shared pipeline threads: a condition whose estimated cost ({@link ConditionCost}) is over
 * {@link #MAX_COST} is refused when saved; one evaluation may iterate at most {@link #MAX_ITERATIONS} times in all
 * its comprehensions (cel-java's {@code comprehensionMaxIterations}); and it is stopped once it has run
 * {@link #TIME_BUDGET} (generous: a normal condition takes microseconds, but a loaded machine pauses). Regular expressions are RE2 (linear time) with a bounded program size. Compiled programs
 * are cached by expression.
 */
@Component
class Conditions {

	/** Estimated nodes a saved condition may visit. */
	static final long MAX_COST = 10_000;

	/** Comprehension iterations one evaluation may make, nested ones included. */
	static final int MAX_ITERATIONS = 1_000;

	/** Wall-clock time one evaluation may take. */
	static final Duration TIME_BUDGET = Duration.ofMillis(250);

	private static final MapType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);

	private static final CelOptions OPTIONS = CelOptions.current()
		.comprehensionMaxIterations(MAX_ITERATIONS)
		.maxRegexProgramSize(1_000)
		.build();

	private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
		.setOptions(OPTIONS)
		.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
		.addVar("message", OBJECT)
		.addVar("analysis", OBJECT)
		.addVar("task", OBJECT)
		.addVar("sender", OBJECT)
		.setResultType(SimpleType.BOOL)
		.build();

	private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

	private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

	/** @throws InvalidRule naming the line and column of the first problem, or saying that it would cost too much */
	void check(String expression) {
		CelAbstractSyntaxTree ast = compile(expression);
		long cost = ConditionCost.estimate(ast.getExpr());
		if (cost > MAX_COST) {
			throw new InvalidRule("The condition is too expensive to run on every message: its estimated cost is "
					+ (cost == Long.MAX_VALUE ? "unbounded" : String.valueOf(cost)) + ", the limit is " + MAX_COST
					+ " (a comprehension over data of the input counts " + ConditionCost.ASSUMED_DATA_SIZE
					+ " elements; nested comprehensions multiply).");
		}
		program(expression);
	}

	boolean matches(String expression, RuleInput input) throws CelEvaluationException {
		CelRuntime.Program program = program(expression); // compiling (once) does not count against the budget
		long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
		Object result = program.trace(Map.of("message", input.message(), "analysis", input.analysis(),
				"task", input.task(), "sender", input.sender()), (expr, value) -> {
					if (System.nanoTime() - deadline > 0) {
						throw new ConditionTimedOut(TIME_BUDGET);
					}
				});
		return Boolean.TRUE.equals(result);
	}

	/** An evaluation that ran past {@link #TIME_BUDGET}; the rule is recorded as failed and skipped. */
	static final class ConditionTimedOut extends RuntimeException {

		ConditionTimedOut(Duration budget) {
			super("the condition ran longer than " + budget.toMillis() + " ms and was stopped", null, false, false);
		}
	}

	private CelAbstractSyntaxTree compile(String expression) {
		try {
			return compiler.compile(expression).getAst();
		}
		catch (CelValidationException ex) {
			CelIssue first = ex.getErrors().get(0);
			throw new InvalidRule("The condition does not compile at line " + first.getSourceLocation().getLine()
					+ ", column " + (first.getSourceLocation().getColumn() + 1) + ": " + first.getMessage());
		}
	}

	private CelRuntime.Program program(String expression) {
		CelRuntime.Program cached = programs.get(expression);
		if (cached != null) {
			return cached;
		}
		try {
			CelRuntime.Program program = runtime.createProgram(compile(expression));
			if (programs.size() < 10_000) {
				programs.put(expression, program);
			}
			return program;
		}
		catch (CelEvaluationException ex) {
			throw new InvalidRule("The condition cannot be prepared: " + ex.getMessage());
		}
	}
}

package com.whatsappflowhub.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.springframework.stereotype.Component;

/**
 * Compiles and evaluates rule conditions in CEL: a side-effect-free expression language with no loops, no I/O
 * and bounded cost, so a tenant's rule can never run code. Compiled programs are cached by expression.
 */
@Component
class Conditions {

	private static final MapType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);

	private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
		.addVar("message", OBJECT)
		.addVar("analysis", OBJECT)
		.addVar("task", OBJECT)
		.addVar("sender", OBJECT)
		.setResultType(SimpleType.BOOL)
		.build();

	private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();

	private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

	/** @throws InvalidRule naming the line and column of the first problem */
	void check(String expression) {
		program(expression);
	}

	boolean matches(String expression, RuleInput input) throws CelEvaluationException {
		Object result = program(expression).eval(Map.of("message", input.message(), "analysis", input.analysis(),
				"task", input.task(), "sender", input.sender()));
		return Boolean.TRUE.equals(result);
	}

	private CelRuntime.Program program(String expression) {
		CelRuntime.Program cached = programs.get(expression);
		if (cached != null) {
			return cached;
		}
		try {
			CelRuntime.Program program = runtime.createProgram(compiler.compile(expression).getAst());
			if (programs.size() < 10_000) {
				programs.put(expression, program);
			}
			return program;
		}
		catch (CelValidationException ex) {
			CelIssue first = ex.getErrors().get(0);
			throw new InvalidRule("The condition does not compile at line " + first.getSourceLocation().getLine()
					+ ", column " + (first.getSourceLocation().getColumn() + 1) + ": " + first.getMessage());
		}
		catch (CelEvaluationException ex) {
			throw new InvalidRule("The condition cannot be prepared: " + ex.getMessage());
		}
	}
}

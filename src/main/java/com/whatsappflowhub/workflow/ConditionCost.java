package com.whatsappflowhub.workflow;

import dev.cel.common.ast.CelExpr;

/**
 * A static upper estimate of what evaluating a condition costs, in visited expression nodes: a comprehension over
 * a list or map literal costs its size times its body, one over data of the message or task is assumed to run over
 * {@link #ASSUMED_DATA_SIZE} elements, and nested comprehensions multiply. Rules above the limit are refused when
 * they are saved, before they can run on the pipeline's threads.
 */
final class ConditionCost {

	/** Elements assumed for a list or map that comes with the input (labels, entities, ...). */
	static final long ASSUMED_DATA_SIZE = 100;

	private ConditionCost() {
	}

	static long estimate(CelExpr expr) {
		switch (expr.exprKind().getKind()) {
			case CONSTANT:
			case IDENT:
			case NOT_SET:
				return 1;
			case SELECT:
				return 1 + estimate(expr.select().operand());
			case CALL: {
				long cost = 1 + expr.call().target().map(ConditionCost::estimate).orElse(0L);
				for (CelExpr arg : expr.call().args()) {
					cost = add(cost, estimate(arg));
				}
				return cost;
			}
			case LIST: {
				long cost = 1;
				for (CelExpr element : expr.list().elements()) {
					cost = add(cost, estimate(element));
				}
				return cost;
			}
			case MAP: {
				long cost = 1;
				for (var entry : expr.map().entries()) {
					cost = add(cost, add(estimate(entry.key()), estimate(entry.value())));
				}
				return cost;
			}
			case STRUCT: {
				long cost = 1;
				for (var entry : expr.struct().entries()) {
					cost = add(cost, estimate(entry.value()));
				}
				return cost;
			}
			case COMPREHENSION: {
				CelExpr.CelComprehension c = expr.comprehension();
				long body = add(estimate(c.loopCondition()), estimate(c.loopStep()));
				long cost = add(add(estimate(c.iterRange()), estimate(c.accuInit())), estimate(c.result()));
				return add(cost, multiply(size(c.iterRange()), body));
			}
			default:
				return 1;
		}
	}

	private static long size(CelExpr range) {
		return switch (range.exprKind().getKind()) {
			case LIST -> range.list().elements().size();
			case MAP -> range.map().entries().size();
			case CONSTANT -> 1;
			default -> ASSUMED_DATA_SIZE;
		};
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return sum < 0 ? Long.MAX_VALUE : sum;
	}

	private static long multiply(long a, long b) {
		return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
	}
}

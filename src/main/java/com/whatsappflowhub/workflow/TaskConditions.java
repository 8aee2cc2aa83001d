package com.whatsappflowhub.workflow;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Conditions in the rules' language (CEL, with the same cost, iteration and time bounds) over a task alone, for
 * other modules' filters, e.g. which tasks a connection receives: {@code task.priority in ['high', 'urgent']}. The
 * other variables ({@code message}, {@code analysis}, {@code sender}) are empty maps.
 */
@Component
public class TaskConditions {

	private final Conditions conditions;

	TaskConditions(Conditions conditions) {
		this.conditions = conditions;
	}

	/** @throws InvalidRule naming the problem */
	public void check(String condition) {
		conditions.check(condition);
	}

	/** @throws Exception when the condition fails at run time (a missing field, a timeout) */
	public boolean matches(String condition, Map<String, Object> task) throws Exception {
		return conditions.matches(condition, new RuleInput(Map.of(), Map.of(), task, Map.of()));
	}
}

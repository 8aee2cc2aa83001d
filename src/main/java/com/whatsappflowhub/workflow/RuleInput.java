package com.whatsappflowhub.workflow;

import java.util.Map;

/**
 * The variables a condition sees: {@code message} (text, language, type, ...), {@code analysis} (actionable,
 * confidence, sentiment, ...), {@code task} (title, priority, assignee, deadline, ...) and {@code sender} (name,
 * role: customer, staff or manager). Values are strings, numbers, booleans, lists and maps.
 */
public record RuleInput(Map<String, Object> message, Map<String, Object> analysis, Map<String, Object> task,
		Map<String, Object> sender) {
}

package com.whatsappflowhub.tasks;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's choices for turning messages into tasks, read from the {@code pipeline} object of its settings
 * (for example {@code {"pipeline": {"autoThreshold": 0.8, "notifySender": false}}}).
 *
 * @param autoThreshold at or above this confidence a task is created
 * @param suggestThreshold at or above this (and below auto) it is created as a suggestion awaiting confirmation
 * @param notifySender tell a customer on WhatsApp that the request was logged, and when it is done
 * @param loggedText the message for a logged request; {@code {title}} and {@code {due}} are filled in
 * @param completedText the message when the task is done
 */
public record PipelineSettings(double autoThreshold, double suggestThreshold, boolean notifySender, String loggedText,
		String completedText) {

	public static final PipelineSettings DEFAULTS = new PipelineSettings(0.7, 0.45, true,
			"Thanks! We have logged your request: {title}{due}. We will let you know when it is done.",
			"Done: {title}. Thank you for your patience!");

	static PipelineSettings from(Map<String, Object> preferences) {
		if (!(preferences.get("pipeline") instanceof Map<?, ?> pipeline)) {
			return DEFAULTS;
		}
		return new PipelineSettings(number(pipeline.get("autoThreshold"), DEFAULTS.autoThreshold()),
				number(pipeline.get("suggestThreshold"), DEFAULTS.suggestThreshold()),
				pipeline.get("notifySender") instanceof Boolean b ? b : DEFAULTS.notifySender(),
				text(pipeline.get("loggedText"), DEFAULTS.loggedText()),
				text(pipeline.get("completedText"), DEFAULTS.completedText()));
	}

	private static double number(@Nullable Object value, double fallback) {
		return value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1 ? n.doubleValue() : fallback;
	}

	private static String text(@Nullable Object value, String fallback) {
		return value instanceof String s && !s.isBlank() ? s : fallback;
	}
}

package com.whatsappflowhub.whatsapp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A message template of a WhatsApp Business account, as Meta lists it ({@code name}, {@code language},
 * {@code status}, {@code category}, and the {@code BODY} component's text).
 *
 * @param body the body's text with its variables ({@code Hi {{1}}}), if it has a body
 */
public record MessageTemplate(String name, String language, String status, String category, @Nullable String body) {

	public static final String APPROVED = "APPROVED";

	private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");

	public boolean approved() {
		return APPROVED.equals(status);
	}

	/** The body's variables in order of first appearance ({@code 1}, {@code 2}, ... or named ones). */
	public List<String> bodyVariables() {
		if (body == null) {
			return List.of();
		}
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(body);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return List.copyOf(names);
	}

	/** The body as the customer reads it with these values (positional: the first value fills the first variable). */
	public @Nullable String render(List<String> values) {
		if (body == null) {
			return null;
		}
		List<String> variables = bodyVariables();
		StringBuilder out = new StringBuilder();
		Matcher matcher = VARIABLE.matcher(body);
		while (matcher.find()) {
			int index = variables.indexOf(matcher.group(1));
			String value = index < values.size() ? values.get(index) : matcher.group();
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}
}

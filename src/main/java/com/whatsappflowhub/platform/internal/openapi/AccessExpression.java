package com.whatsappflowhub.platform.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code @PreAuthorize} expression read for people: {@code hasAnyRole('TENANT_ADMIN', 'MANAGER')} becomes "one of the
 * roles `TENANT_ADMIN`, `MANAGER`". The Spring Security functions we use are translated; anything else (a bean call)
 * is shown as written, so the text never claims more than the expression says.
 */
record AccessExpression(String expression, String text, Set<String> roles, Set<String> scopes) {

	private static final Pattern CALL = Pattern
		.compile("(hasRole|hasAnyRole|hasAuthority|hasAnyAuthority|isAuthenticated|permitAll|denyAll)\\s*\\(([^)]*)\\)");

	private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

	static AccessExpression of(String expression) {
		Set<String> roles = new LinkedHashSet<>();
		Set<String> scopes = new LinkedHashSet<>();
		Matcher call = CALL.matcher(expression);
		StringBuilder text = new StringBuilder();
		int end = 0;
		while (call.find()) {
			text.append(verbatim(expression.substring(end, call.start())));
			List<String> args = arguments(call.group(2));
			text.append(switch (call.group(1)) {
				case "hasRole", "hasAnyRole" -> {
					roles.addAll(args);
					yield (args.size() == 1 ? "the role " : "one of the roles ") + codes(args);
				}
				case "hasAuthority", "hasAnyAuthority" -> authorities(args, roles, scopes);
				case "isAuthenticated" -> "any signed-in caller";
				case "permitAll" -> "anyone";
				default -> "nobody";
			});
			end = call.end();
		}
		text.append(verbatim(expression.substring(end)));
		return new AccessExpression(expression, text.toString().replaceAll("\\s+", " ").trim(), roles, scopes);
	}

	private static String authorities(List<String> args, Set<String> roles, Set<String> scopes) {
		List<String> names = new ArrayList<>();
		for (String authority : args) {
			if (authority.startsWith("SCOPE_")) {
				scopes.add(authority.substring(6));
				names.add("scope `" + authority.substring(6) + "`");
			}
			else if (authority.startsWith("ROLE_")) {
				roles.add(authority.substring(5));
				names.add("role `" + authority.substring(5) + "`");
			}
			else {
				names.add("authority `" + authority + "`");
			}
		}
		return (names.size() == 1 ? "" : "one of ") + String.join(", ", names);
	}

	/** The connectives in words; whatever else is left of the expression (a bean call) stays as written. */
	private static String verbatim(String part) {
		return part.replace("&&", " and ").replace("||", " or ").replace("!", " not ");
	}

	private static List<String> arguments(String args) {
		List<String> values = new ArrayList<>();
		Matcher quoted = QUOTED.matcher(args);
		while (quoted.find()) {
			values.add(quoted.group(1));
		}
		return values;
	}

	private static String codes(List<String> values) {
		return String.join(", ", values.stream().map(value -> "`" + value + "`").toList());
	}
}

package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's staff directory, matched against a message: full names, first names, accent-insensitive
 * spellings, @mentions and a few common nicknames ("Ze" for Jose, "Flor" for Florencia).
 */
final class Directory {

	/** A staff member named in the text. */
	record Mention(String name, int start, int end, boolean at) {
		Span span(String text) {
			return new Span(start, end, text.substring(start, end));
		}
	}

	private static final Map<String, String> NICKNAMES = Map.of("ze", "jose", "pepe", "jose", "paco", "francisco",
			"lupe", "guadalupe", "chema", "jose maria", "bob", "robert", "bill", "william", "liz", "elizabeth",
			"kate", "katherine");

	private static final Pattern TOKEN = Pattern.compile("@?[\\p{L}][\\p{L}'.-]*");

	private final List<String> names;

	private final List<String[]> folded;

	Directory(List<String> names) {
		this.names = List.copyOf(names);
		this.folded = new ArrayList<>();
		for (String n : names) {
			folded.add(Text.fold(n).replace(".", "").split("\\s+"));
		}
	}

	boolean isEmpty() {
		return names.isEmpty();
	}

	List<String> names() {
		return names;
	}

	/** Every directory member named in the text, in text order. */
	List<Mention> find(String text, String foldedText) {
		var found = new ArrayList<Mention>();
		Matcher m = TOKEN.matcher(foldedText);
		while (m.find()) {
			String token = m.group();
			boolean at = token.startsWith("@");
			String word = (at ? token.substring(1) : token).replaceAll("['.-]+$", "");
			if (word.endsWith("'s")) {
				word = word.substring(0, word.length() - 2);
			}
			if (word.length() < 2) {
				continue;
			}
			int start = m.start();
			boolean capitalised = Character.isUpperCase(text.charAt(at ? start + 1 : start));
			String name = match(word, capitalised || at, foldedText, m.end());
			if (name != null) {
				int end = start + (at ? 1 : 0) + word.length();
				// extend over the surname when it follows
				String[] parts = folded.get(names.indexOf(name));
				if (parts.length > 1 && foldedText.startsWith(" " + parts[parts.length - 1], end)) {
					end += parts[parts.length - 1].length() + 1;
				}
				found.add(new Mention(name, start, end, at));
			}
		}
		return found;
	}

	private @Nullable String match(String word, boolean capitalised, String foldedText, int after) {
		String w = NICKNAMES.getOrDefault(word, word);
		// exact first name (or two-word first name such as "Mei Ling")
		for (int i = 0; i < names.size(); i++) {
			String[] parts = folded.get(i);
			if (parts[0].equals(w)) {
				return names.get(i);
			}
		}
		if (!capitalised) {
			return null;
		}
		// a surname on its own, or a nickname that is a clear prefix of one first name
		String hit = null;
		for (int i = 0; i < names.size(); i++) {
			String[] parts = folded.get(i);
			boolean surname = parts.length > 1 && parts[parts.length - 1].equals(w);
			boolean prefix = w.length() >= 3 && parts[0].startsWith(w);
			if (surname || prefix) {
				if (hit != null) {
					return null;
				}
				hit = names.get(i);
			}
		}
		return hit;
	}

	/** The directory entry of a sender, when the sender is staff listed in the directory. */
	@Nullable String entryFor(@Nullable String senderName) {
		if (senderName == null || senderName.isBlank()) {
			return null;
		}
		String f = Text.fold(senderName).replace(".", "");
		for (int i = 0; i < names.size(); i++) {
			if (Text.fold(names.get(i)).replace(".", "").equals(f)) {
				return names.get(i);
			}
		}
		String[] parts = f.split("\\s+");
		for (int i = 0; i < names.size(); i++) {
			String[] p = folded.get(i);
			if (p[0].equals(parts[0]) || (parts.length > 1 && p[p.length - 1].equals(parts[parts.length - 1]))) {
				return names.get(i);
			}
		}
		return null;
	}

	static String firstName(String name) {
		return name.split("\\s+")[0].toLowerCase(Locale.ROOT);
	}
}

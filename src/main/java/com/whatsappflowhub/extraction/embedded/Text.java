package com.whatsappflowhub.extraction.embedded;

import java.text.Normalizer;
import java.util.Locale;

/** Text helpers that keep character offsets: folding removes accents one character at a time. */
final class Text {

	private Text() {
	}

	/** Lower case without accents, same length as the input so spans stay valid. */
	static String fold(String text) {
		var out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 128) {
				out.append(Character.toLowerCase(c));
				continue;
			}
			if (c == '\u2019' || c == '\u2018') {
				out.append('\'');
				continue;
			}
			String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			char base = d.charAt(0);
			out.append(Character.isLetter(base) ? Character.toLowerCase(base) : Character.toLowerCase(c));
		}
		return out.toString();
	}

	static String capitalise(String s) {
		if (s.isEmpty()) {
			return s;
		}
		return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
	}
}

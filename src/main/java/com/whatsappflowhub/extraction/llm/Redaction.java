package com.whatsappflowhub.extraction.llm;

import java.util.regex.Pattern;

/** Masks phone numbers and e-mail addresses before a message leaves the process. */
final class Redaction {

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

	private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\d[\\d ()-]{7,}\\d(?![\\w])");

	private Redaction() {
	}

	static String redact(String text) {
		return PHONE.matcher(EMAIL.matcher(text).replaceAll("[email]")).replaceAll("[phone]");
	}
}

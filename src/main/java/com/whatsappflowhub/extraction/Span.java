package com.whatsappflowhub.extraction;

/** A character range {@code [start, end)} of the analysed text that justifies a field, with the text itself. */
public record Span(int start, int end, String text) {

	public Span {
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
		}
	}
}

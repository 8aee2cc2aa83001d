package com.whatsappflowhub.extraction;

/** The tone of a message, with a score in [-1, 1] (negative to positive). */
public record Sentiment(Polarity polarity, double score) {

	public enum Polarity {
		NEGATIVE, NEUTRAL, POSITIVE
	}
}

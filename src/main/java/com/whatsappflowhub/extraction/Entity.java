package com.whatsappflowhub.extraction;

/** Something named in the message: a person, an organisation, an amount, a date, a phone number... */
public record Entity(Type type, String text, Span span) {

	public enum Type {
		PERSON, ORGANISATION, AMOUNT, DATE, PHONE, EMAIL, ORDER_NUMBER
	}
}

package com.whatsappflowhub.platform.internal.web;

import java.sql.SQLException;

/** Recognises PostgreSQL's refusal of U+0000 in text and jsonb. */
final class NulCharacters {

	private NulCharacters() {
	}

	static boolean causedByNul(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}
}

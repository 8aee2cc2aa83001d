package com.whatsappflowhub.tasks;

import org.jspecify.annotations.Nullable;

/** Who changed a task: a user, a routing rule, the AI pipeline, an integration, WhatsApp, or the system. */
public record Actor(Type type, @Nullable String id) {

	public enum Type {

		USER, RULE, AI, INTEGRATION, WHATSAPP, SYSTEM

	}

	public static Actor user(Object id) {
		return new Actor(Type.USER, id.toString());
	}

	public static Actor system(String what) {
		return new Actor(Type.SYSTEM, what);
	}
}

package com.whatsappflowhub.tasks;

/** The characters {@code [start, end)} of the source text that justify one field of a task. */
public record Evidence(String field, int start, int end, String text) {
}

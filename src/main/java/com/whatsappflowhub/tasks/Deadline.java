package com.whatsappflowhub.tasks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When a task is due, and how precisely that was said ({@code minute}, {@code hour}, {@code day},
 * {@code week}...): "by Friday" is a day, "by 5pm" a minute.
 */
public record Deadline(Instant at, @Nullable String grain) {
}

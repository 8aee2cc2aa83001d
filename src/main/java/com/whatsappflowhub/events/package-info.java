/**
 * The module events that integrators care about, on Apache Kafka when {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} is set:
 * {@code message-events}, {@code task-events}, {@code integration-events} and {@code dead-letter-queue}, keyed by
 * tenant, with CloudEvents headers and a published JSON Schema per event type ({@code classpath:events/}). Nothing
 * here runs, and no Kafka class is loaded, without the variable. No other module depends on it.
 */
@ApplicationModule(displayName = "Events on Kafka",
		allowedDependencies = { "platform", "identity", "inbox", "extraction", "tasks", "integrations" })
@NullMarked
package com.whatsappflowhub.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

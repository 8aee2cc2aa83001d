package com.whatsappflowhub.platform;

/** A signal another replica sent (see {@link ClusterSignals}); never one this replica sent itself. */
public record ClusterSignal(String topic, String payload) {
}

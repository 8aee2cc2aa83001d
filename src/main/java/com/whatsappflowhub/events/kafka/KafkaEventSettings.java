package com.whatsappflowhub.events.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics this service creates when they are missing, and how long a send may take.
 *
 * @param partitions partitions per topic (records are keyed by tenant, so one tenant's events stay in order within
 * a partition)
 * @param replicas replication factor (1 for a single broker; 3 in production)
 * @param retention how long the broker keeps records
 * @param sendTimeout how long a delivery waits for the broker's acknowledgement before it tries again
 */
@ConfigurationProperties("flowhub.events.kafka")
record KafkaEventSettings(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
		@DefaultValue("7d") Duration retention, @DefaultValue("20s") Duration sendTimeout) {
}

package com.whatsappflowhub.platform.internal.work;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this replica runs workers at all
 * @param pollInterval how often an idle worker looks for work recorded elsewhere (other replicas, ended leases)
 * @param breakerOpenFor how long a destination's circuit stays open before one trial call
 */
@ConfigurationProperties("flowhub.work")
record WorkSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("30s") Duration breakerOpenFor) {
}

/** Signals between replicas over PostgreSQL LISTEN/NOTIFY. */
@NullMarked
package com.whatsappflowhub.platform.internal.cluster;

import org.jspecify.annotations.NullMarked;

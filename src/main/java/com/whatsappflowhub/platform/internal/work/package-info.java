/**
 * The durable work queue behind {@link com.whatsappflowhub.platform.Stage} and
 * {@link com.whatsappflowhub.platform.Delivery}: the {@code work_item} table, the router that records work when an
 * event is published, the workers that claim it ({@code FOR UPDATE SKIP LOCKED} with a lease), the delivery engine's
 * concurrency limits and circuit breakers, metrics, and the dead-letter API.
 */
@org.jspecify.annotations.NullMarked
package com.whatsappflowhub.platform.internal.work;

/**
 * Outbound webhooks to the customer's own systems: endpoints a tenant registers ({@code /api/v1/webhook-endpoints}),
 * the fan-out of task and message events to the endpoints that subscribed (CloudEvents 1.0 structured JSON, the body
 * fixed when the event happened), Standard Webhooks signatures (with the previous secret during a rotation), the
 * delivery on the platform's delivery engine (retries, {@code Retry-After}, a breaker per endpoint, dead letters),
 * the per-endpoint delivery log with replay, and the SSRF rules a target URL must pass when it is registered and
 * again before every call.
 */
@NullMarked
package com.whatsappflowhub.integrations.hooks;

import org.jspecify.annotations.NullMarked;

/**
 * Demo mode ({@code --demo} or {@code FLOWHUB_DEMO=true}): replays a few realistic conversations through the real
 * signed webhook endpoint of the {@code demo} tenant's number, and answers the outbound Graph API calls from a
 * built-in sandbox, so someone without a WhatsApp account sees messages, tasks, assignments and replies.
 */
@NullMarked
package com.whatsappflowhub.whatsapp.demo;

import org.jspecify.annotations.NullMarked;

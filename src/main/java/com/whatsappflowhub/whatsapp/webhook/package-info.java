/** Webhook internals: signature verification of the raw bytes and the parser that normalises a delivery. */
@NullMarked
package com.whatsappflowhub.whatsapp.webhook;

import org.jspecify.annotations.NullMarked;

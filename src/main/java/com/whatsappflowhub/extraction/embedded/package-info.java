/** The embedded (offline, deterministic) extraction engine and its parts. */
@org.jspecify.annotations.NullMarked
package com.whatsappflowhub.extraction.embedded;

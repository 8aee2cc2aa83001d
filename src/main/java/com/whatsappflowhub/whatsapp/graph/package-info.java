/** Graph API client: outbound messages, mark-as-read, media download, typed configuration, error classification. */
@NullMarked
package com.whatsappflowhub.whatsapp.graph;

import org.jspecify.annotations.NullMarked;

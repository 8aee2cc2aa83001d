/** The connections API. */
@NullMarked
package com.whatsappflowhub.integrations.web;

import org.jspecify.annotations.NullMarked;

@NullMarked
package com.whatsappflowhub.analytics.web;

import org.jspecify.annotations.NullMarked;

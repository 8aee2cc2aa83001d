@NullMarked
package com.whatsappflowhub.platform.internal.web;

import org.jspecify.annotations.NullMarked;

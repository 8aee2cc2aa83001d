@NullMarked
package com.whatsappflowhub.platform.internal.logging;

import org.jspecify.annotations.NullMarked;

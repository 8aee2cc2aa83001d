@NullMarked
package com.whatsappflowhub.platform.internal;

import org.jspecify.annotations.NullMarked;

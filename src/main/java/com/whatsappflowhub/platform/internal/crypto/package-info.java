@NullMarked
package com.whatsappflowhub.platform.internal.crypto;

import org.jspecify.annotations.NullMarked;

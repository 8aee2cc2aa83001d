@NullMarked
package com.whatsappflowhub.platform.internal.db;

import org.jspecify.annotations.NullMarked;

@NullMarked
package com.whatsappflowhub;

import org.jspecify.annotations.NullMarked;

@NullMarked
package com.whatsappflowhub.whatsapp.outbound;

import org.jspecify.annotations.NullMarked;

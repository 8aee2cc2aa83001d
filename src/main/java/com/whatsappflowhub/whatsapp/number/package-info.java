@NullMarked
package com.whatsappflowhub.whatsapp.number;

import org.jspecify.annotations.NullMarked;

@NullMarked
package com.whatsappflowhub.whatsapp.media;

import org.jspecify.annotations.NullMarked;

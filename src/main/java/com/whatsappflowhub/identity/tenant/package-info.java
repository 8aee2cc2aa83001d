@NullMarked
package com.whatsappflowhub.identity.tenant;

import org.jspecify.annotations.NullMarked;

@NullMarked
package com.whatsappflowhub.identity.user;

import org.jspecify.annotations.NullMarked;

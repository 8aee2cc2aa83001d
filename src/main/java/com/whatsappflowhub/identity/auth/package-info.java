@NullMarked
package com.whatsappflowhub.identity.auth;

import org.jspecify.annotations.NullMarked;

@NullMarked
package com.whatsappflowhub.identity.bootstrap;

import org.jspecify.annotations.NullMarked;

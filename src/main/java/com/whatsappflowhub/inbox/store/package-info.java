@NullMarked
package com.whatsappflowhub.inbox.store;

import org.jspecify.annotations.NullMarked;

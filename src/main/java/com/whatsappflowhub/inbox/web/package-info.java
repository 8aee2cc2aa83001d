@NullMarked
package com.whatsappflowhub.inbox.web;

import org.jspecify.annotations.NullMarked;

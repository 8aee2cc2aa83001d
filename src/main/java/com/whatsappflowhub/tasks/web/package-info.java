@NullMarked
package com.whatsappflowhub.tasks.web;

import org.jspecify.annotations.NullMarked;

@NullMarked
package com.whatsappflowhub.workflow.web;

import org.jspecify.annotations.NullMarked;

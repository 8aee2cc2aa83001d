/**
 * The server-rendered dashboard: sign-in, tasks (list, board, task page), the review queue, conversations, rules,
 * analytics and administration. Thymeleaf pages with htmx and ECharts from webjars, no front-end build. It has its
 * own security surface (session sign-in, CSRF) and reads and writes only through the other modules' public APIs;
 * it publishes nothing and listens to task events in-process to push changes to open pages (server-sent events).
 */
@ApplicationModule(displayName = "Web dashboard",
		allowedDependencies = { "platform", "identity", "tasks", "inbox", "workflow", "analytics", "integrations",
				"whatsapp", "whatsapp::numbers" })
@NullMarked
package com.whatsappflowhub.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Slack (Web API as a bot, and the interactivity callback): tasks as Block Kit cards kept up to date, threads for
 * comments, and the cards' <em>Accept</em> and <em>Reassign</em> buttons back to the task.
 */
@NullMarked
package com.whatsappflowhub.integrations.slack;

import org.jspecify.annotations.NullMarked;

/**
 * WhatsApp Business Cloud API channel: signed webhook deliveries normalised into immutable records (every entry,
 * change, message and status), the outbound Graph API client, media download, the 24-hour customer-service window
 * and the forward-only status rule of outbound messages.
 *
 * <p>The module's API is the public types of this package: the normalised {@link com.whatsappflowhub.whatsapp.Delivery}
 * and its items, {@link com.whatsappflowhub.whatsapp.WindowPolicy} and
 * {@link com.whatsappflowhub.whatsapp.OutboundStatus}; {@link com.whatsappflowhub.whatsapp.Replies} sends into a conversation
 * (a {@link com.whatsappflowhub.whatsapp.Reply}) and names the number's approved templates; the named interface
 * {@code numbers} ({@code number.NumberManagement} and its {@code BusinessNumberRecord}) registers and changes the
 * tenant's numbers for the dashboard. The webhook internals live in {@code webhook}, the Graph API
 * client in {@code graph}, the business numbers and their routing in {@code number}, media downloads in {@code media}
 * and sending in {@code outbound}.
 *
 * <p>The webhook stores what it receives through the inbox module's {@code Inbox} API, inside the webhook's own
 * transaction: a deliberate synchronous command, because Meta's 200 must follow the commit of the messages.
 */
@ApplicationModule(displayName = "WhatsApp", allowedDependencies = { "platform", "identity", "inbox", "audit" })
@NullMarked
package com.whatsappflowhub.whatsapp;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

package com.whatsappflowhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;

/** The event publication registry stores events as JSON and resubmits them after a restart: they must round-trip. */
class InboxEventsJsonTest {

	final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	@Test
	void everyInboxEventRoundTripsThroughJson() {
		TenantId tenant = TenantId.of("7d1c2c5e-0f6b-4a57-9f0e-3f1c1b9a6a10");
		MessageId message = MessageId.random();
		ConversationId conversation = ConversationId.random();
		Instant at = Instant.parse("2026-11-26T05:00:00Z");
		List<Object> events = List.of(
				new MessageReceived(tenant, message, conversation, ContactId.random(), "4915100000001", "Ada",
						UserId.random(), "the door is broken", "text", at, MessageId.random(), true, at),
				new MessageReceived(tenant, message, conversation, ContactId.random(), "4915100000001", null, null, null,
						"image", at, null, false, at),
				new MessageStatusChanged(tenant, message, conversation, "FAILED", 131026, "Message undeliverable", at),
				new MessageReacted(tenant, message, conversation, MessageId.random(), "wamid.X", "4915100000001", null, at),
				new MessageEdited(tenant, message, conversation, "before", "after", at),
				new MessageDeleted(tenant, message, conversation, at));

		for (Object event : events) {
			String text = json.writeValueAsString(event);
			assertThat(json.readValue(text, event.getClass())).as(text).isEqualTo(event);
			assertThat(text).contains("\"tenantId\":\"" + tenant + "\"");
		}
	}
}

package com.whatsappflowhub.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.whatsappflowhub.whatsapp.Delivery;
import com.whatsappflowhub.whatsapp.InboundMessage;
import com.whatsappflowhub.whatsapp.MessageContent;
import com.whatsappflowhub.whatsapp.MessageStatus;
import com.whatsappflowhub.whatsapp.OtherEvent;
import com.whatsappflowhub.whatsapp.StatusUpdate;

class WebhookParserTest {

	final WebhookParser parser = new WebhookParser();

	static String message(String id, String from, String body) {
		return """
				{"from":"%s","id":"%s","timestamp":"1700000000","type":"text","text":{"body":"%s"}}"""
			.formatted(from, id, body);
	}

	static String status(String id, String status) {
		return """
				{"id":"%s","status":"%s","timestamp":"1700000001","recipient_id":"4915100000001"}""".formatted(id, status);
	}

	static String change(String phoneNumberId, String messages, String statuses) {
		return """
				{"field":"messages","value":{"messaging_product":"whatsapp",
				 "metadata":{"display_phone_number":"15550000000","phone_number_id":"%s"},
				 "contacts":[{"profile":{"name":"Ada"},"wa_id":"4915100000001"},{"profile":{"name":"Bob"},"wa_id":"4915100000002"}],
				 "messages":[%s],"statuses":[%s]}}""".formatted(phoneNumberId, messages, statuses);
	}

	Delivery parse(String body) {
		WebhookParseResult result = parser.parse(body.getBytes(StandardCharsets.UTF_8));
		assertThat(result).isInstanceOf(WebhookParseResult.Parsed.class);
		return ((WebhookParseResult.Parsed) result).delivery();
	}

	@Test
	void keepsEveryMessageAndStatusOfEveryChangeOfEveryEntry() {
		String body = """
				{"object":"whatsapp_business_account","entry":[
				 {"id":"waba-1","changes":[%s,%s]},
				 {"id":"waba-2","changes":[%s]}]}""".formatted(
				change("pn-1", message("wamid.1", "4915100000001", "one") + "," + message("wamid.2", "4915100000002", "two"),
						status("wamid.out-1", "delivered")),
				change("pn-2", message("wamid.3", "4915100000001", "three"),
						status("wamid.out-2", "read") + "," + status("wamid.out-3", "failed")),
				change("pn-3", message("wamid.4", "4915100000002", "four") + "," + message("wamid.5", "4915100000001", "five")
						+ "," + message("wamid.6", "4915100000002", "six"), ""));

		Delivery delivery = parse(body);

		assertThat(delivery.messages()).extracting(InboundMessage::id)
			.containsExactly("wamid.1", "wamid.2", "wamid.3", "wamid.4", "wamid.5", "wamid.6");
		assertThat(delivery.statuses()).extracting(StatusUpdate::messageId, StatusUpdate::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("wamid.out-1", MessageStatus.DELIVERED),
					org.assertj.core.groups.Tuple.tuple("wamid.out-2", MessageStatus.READ),
					org.assertj.core.groups.Tuple.tuple("wamid.out-3", MessageStatus.FAILED));
		assertThat(delivery.messages()).extracting(m -> m.route().phoneNumberId())
			.containsExactly("pn-1", "pn-1", "pn-2", "pn-3", "pn-3", "pn-3");
		assertThat(delivery.messages()).extracting(m -> m.route().businessAccountId())
			.containsExactly("waba-1", "waba-1", "waba-1", "waba-2", "waba-2", "waba-2");
		assertThat(delivery.messages()).extracting(m -> m.sender().profileName())
			.containsExactly("Ada", "Bob", "Ada", "Bob", "Ada", "Bob");
		assertThat(delivery.messages()).extracting(m -> ((MessageContent.Text) m.content()).body())
			.containsExactly("one", "two", "three", "four", "five", "six");
		assertThat(delivery.otherEvents()).isEmpty();
	}

	@Test
	void keepsMessagesAndEventsOfDifferentFieldsInOneDelivery() {
		String body = """
				{"object":"whatsapp_business_account","entry":[{"id":"waba-1","time":1700000000,"changes":[
				 %s,
				 {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":1}},
				 {"field":"brand_new_field","value":{"anything":[1,2]}}]}]}"""
			.formatted(change("pn-1", message("wamid.1", "4915100000001", "hi"), ""));

		Delivery delivery = parse(body);

		assertThat(delivery.messages()).hasSize(1);
		assertThat(delivery.otherEvents()).extracting(OtherEvent::field, OtherEvent::eventType)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("message_template_status_update", "APPROVED"),
					org.assertj.core.groups.Tuple.tuple("brand_new_field", "brand_new_field"));
		assertThat(delivery.otherEvents().get(1).rawJson()).isEqualTo("{\"anything\":[1,2]}");
	}

	@Test
	void keepsAnUnknownMessageTypeRawInsteadOfDroppingIt() {
		String unknown = """
				{"from":"4915100000001","id":"wamid.new","timestamp":"1700000000","type":"hologram","hologram":{"x":1}}""";
		Delivery delivery = parse("""
				{"object":"whatsapp_business_account","entry":[{"id":"w","changes":[%s]}]}"""
			.formatted(change("pn-1", unknown, "")));

		MessageContent content = delivery.messages().get(0).content();
		assertThat(content).isInstanceOf(MessageContent.Unknown.class);
		assertThat(((MessageContent.Unknown) content).type()).isEqualTo("hologram");
		assertThat(((MessageContent.Unknown) content).rawJson()).contains("\"hologram\":{\"x\":1}");
	}

	@Test
	void keepsAKnownTypeWithoutItsPayloadAsUnknown() {
		String broken = """
				{"from":"4915100000001","id":"wamid.x","timestamp":"1700000000","type":"image","image":{}}""";
		Delivery delivery = parse("""
				{"object":"whatsapp_business_account","entry":[{"id":"w","changes":[%s]}]}"""
			.formatted(change("pn-1", broken, "")));

		assertThat(delivery.messages().get(0).content()).isInstanceOf(MessageContent.Unknown.class);
	}

	@Test
	void keepsAMessageWithoutIdAsAnUnreadableEvent() {
		Delivery delivery = parse("""
				{"object":"whatsapp_business_account","entry":[{"id":"w","changes":[%s]}]}"""
			.formatted(change("pn-1", "{\"type\":\"text\",\"text\":{\"body\":\"x\"}}", status("wamid.o", "deleted"))));

		assertThat(delivery.messages()).isEmpty();
		assertThat(delivery.otherEvents()).extracting(OtherEvent::eventType)
			.containsExactly("unreadable_message", "status:deleted");
	}

	@Test
	void refusesABodyThatIsNotJson() {
		assertThat(parser.parse("{\"object\":".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(WebhookParseResult.MalformedJson.class);
		assertThat(parser.parse(new byte[] { (byte) 0xff, (byte) 0xfe }))
			.isInstanceOf(WebhookParseResult.MalformedJson.class);
	}

	@Test
	void refusesJsonThatIsNotAWhatsAppDelivery() {
		for (String body : new String[] { "[]", "42", "\"text\"", "null", "{}", "{\"object\":\"page\",\"entry\":[]}",
				"{\"object\":\"whatsapp_business_account\"}",
				"{\"object\":\"whatsapp_business_account\",\"entry\":[]}",
				"{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"w\"}]}",
				"{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"w\",\"changes\":[{\"field\":\"messages\"}]}]}",
				"{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"w\",\"changes\":[{\"value\":{}}]}]}" }) {
			assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8))).as(body)
				.isInstanceOf(WebhookParseResult.NotAWhatsAppDelivery.class);
		}
	}

	@Test
	void givesARetriedDeliveryTheSameDedupeKeysAndDistinctItemsDistinctOnes() {
		String body = """
				{"object":"whatsapp_business_account","entry":[{"id":"w","changes":[%s,
				 {"field":"account_update","value":{"event":"ACCOUNT_DELETED"}}]}]}"""
			.formatted(change("pn-1", message("wamid.1", "4915100000001", "one") + "," + message("wamid.2", "4915100000002", "two"),
					status("wamid.out-1", "sent") + "," + status("wamid.out-1", "delivered")));

		java.util.List<String> first = parse(body).items().stream().map(com.whatsappflowhub.whatsapp.DeliveryItem::dedupeKey).toList();
		java.util.List<String> retried = parse(body).items().stream().map(com.whatsappflowhub.whatsapp.DeliveryItem::dedupeKey).toList();

		assertThat(retried).isEqualTo(first);
		assertThat(first).hasSize(5).doesNotHaveDuplicates();
		assertThat(first.get(0)).isEqualTo("message:wamid.1");
		assertThat(first.get(2)).startsWith("status:wamid.out-1:sent:");
		assertThat(first.get(4)).startsWith("event:account_update:");
	}
}

package com.whatsappflowhub.whatsapp.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The demo mode's WhatsApp deliveries, for tests of other packages that need the demo data. */
public final class DemoReplay {

	private DemoReplay() {
	}

	/** The signed-webhook bodies demo mode posts, without Maria's closing reply (the last one). */
	public static List<String> requests(String phoneNumberId, Instant now) {
		List<String> bodies = DemoConversations.deliveries(phoneNumberId, now, new ArrayList<>());
		return bodies.subList(0, bodies.size() - 1);
	}

	/** One more inbound text message to the demo number, in the same format. */
	public static String message(String phoneNumberId, String from, String name, String text, Instant at) {
		String wamid = "wamid.TEST" + java.util.UUID.randomUUID().toString().replace("-", "");
		return """
				{"object":"whatsapp_business_account","entry":[{"id":"demo-waba","changes":[{"field":"messages",
				"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550199999",
				"phone_number_id":"%s"},"contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],"messages":[
				{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
			.formatted(phoneNumberId, name, from, from, wamid, at.getEpochSecond(), text.replace("\"", "\\\""));
	}
}

package com.whatsappflowhub.whatsapp.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The conversations demo mode replays, as WhatsApp Cloud API webhook bodies for one phone_number_id. Customers'
 * requests (one urgent, one in Spanish), a manager handing out work, small talk that holds no work, and then the
 * assignee's "done ✅" reply to the first request. The staff's numbers are those of the demo tenant's staff.
 */
final class DemoConversations {

	static final String MARIA = "15550100001";

	static final String JOHN = "15550100002";

	/** One message of the replay; {@code replyTo} names an earlier step whose message it answers. */
	record Step(String from, String name, String text, @Nullable Integer replyTo) {
	}

	static final List<Step> STEPS = List.of(
			new Step("447700900123", "Acme Ltd", "Hi! @Maria can you send the Acme invoice by Friday 5pm? Thanks", null),
			new Step("34600111222", "Lucía Fernández",
					"Hola, el aire acondicionado de la oficina 3 no funciona. ¿Pueden enviar a alguien mañana por la mañana? Es urgente",
					null),
			new Step(JOHN, "John Smith", "Priya, please prepare the quote for Globex by tomorrow EOD", null),
			new Step("5511988887777", "Carla", "Obrigada pela ajuda ontem, tudo certo agora!", null),
			new Step("6281234567890", "Budi", "Tolong kirim katalog terbaru ke email saya besok ya", null),
			new Step(MARIA, "Maria Garcia", "done ✅ invoice sent", 0));

	private DemoConversations() {
	}

	/** The webhook bodies of the replay, in order; {@code wamids} receives each step's message id. */
	static List<String> deliveries(String phoneNumberId, Instant now, List<String> wamids) {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < STEPS.size(); i++) {
			Step step = STEPS.get(i);
			String wamid = "wamid.DEMO" + UUID.randomUUID().toString().replace("-", "");
			wamids.add(wamid);
			String context = step.replyTo() == null ? ""
					: "\"context\":{\"from\":\"%s\",\"id\":\"%s\"},".formatted(STEPS.get(step.replyTo()).from(),
							wamids.get(step.replyTo()));
			String message = "{%s\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%d\",\"type\":\"text\",\"text\":{\"body\":\"%s\"}}"
				.formatted(context, step.from(), wamid, now.plusSeconds(i).getEpochSecond(), json(step.text()));
			bodies.add("""
					{"object":"whatsapp_business_account","entry":[{"id":"demo-waba","changes":[{"field":"messages",
					"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550199999",
					"phone_number_id":"%s"},"contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],"messages":[%s]}}]}]}"""
				.formatted(phoneNumberId, json(step.name()), step.from(), message));
		}
		return bodies;
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}

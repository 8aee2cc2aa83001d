package com.whatsappflowhub.whatsapp.webhook;

import java.util.List;

import com.whatsappflowhub.whatsapp.Delivery;
import com.whatsappflowhub.whatsapp.DeliveryItem;
import com.whatsappflowhub.whatsapp.number.NumberRegistered;
import com.whatsappflowhub.whatsapp.number.NumberRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a tenant registers a number, what Meta delivered for it before (kept as unroutable with its signed delivery)
 * is stored for the tenant, exactly as if it had just arrived: deduplicated, with its events. Runs after the
 * registration commits, through the event publication registry, so a crash halfway replays it again.
 */
@Component
class UnroutableReplay {

	private static final Logger log = LoggerFactory.getLogger(UnroutableReplay.class);

	private final Quarantine quarantine;

	private final WebhookParser parser;

	private final DeliveryIngest ingest;

	private final NumberRouting routing;

	UnroutableReplay(Quarantine quarantine, WebhookParser parser, DeliveryIngest ingest, NumberRouting routing) {
		this.quarantine = quarantine;
		this.parser = parser;
		this.ingest = ingest;
		this.routing = routing;
	}

	@ApplicationModuleListener
	void on(NumberRegistered event) {
		routing.invalidate();
		int stored = 0;
		for (Quarantine.Held held : quarantine.heldFor(event.phoneNumberId(), event.businessAccountId())) {
			if (parser.parse(held.body()) instanceof WebhookParseResult.Parsed parsed) {
				List<DeliveryItem> items = parsed.delivery()
					.items()
					.stream()
					.filter(item -> item.route().phoneNumberId() != null
							? item.route().phoneNumberId().equals(event.phoneNumberId())
							: item.route().businessAccountId().equals(event.businessAccountId()))
					.toList();
				stored += ingest.ingest(held.body(), new Delivery(parsed.delivery().object(), items), null).stored();
			}
			quarantine.released(held);
		}
		if (stored > 0) {
			log.info("Stored {} items delivered for {} before it was registered", stored, event.phoneNumberId());
		}
	}
}

package com.whatsappflowhub.whatsapp.webhook;

import java.util.List;
import java.util.Set;

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
 * is stored for the tenant, exactly as if it had just arrived: deduplicated, with its events, and with the trust it
 * arrived with. A delivery the platform's app signed speaks for every number; one that only a number's own app
 * signed is stored only if the registering number's own app secret verifies it, and dropped otherwise (another
 * tenant's app cannot speak for this number). Deliveries are read a page at a time. Runs after the registration
 * commits, through the event publication registry, so a crash halfway replays the rest.
 */
@Component
class UnroutableReplay {

	private static final Logger log = LoggerFactory.getLogger(UnroutableReplay.class);

	private static final int PAGE = 50;

	private final Quarantine quarantine;

	private final WebhookParser parser;

	private final DeliveryIngest ingest;

	private final NumberRouting routing;

	private final SignatureVerifier signatures = new SignatureVerifier();

	UnroutableReplay(Quarantine quarantine, WebhookParser parser, DeliveryIngest ingest, NumberRouting routing) {
		this.quarantine = quarantine;
		this.parser = parser;
		this.ingest = ingest;
		this.routing = routing;
	}

	@ApplicationModuleListener
	void on(NumberRegistered event) {
		routing.invalidate();
		String ownSecret = routing.byPhoneNumberId(event.phoneNumberId()).map(NumberRouting.Route::appSecret).orElse(null);
		int stored = 0;
		int untrusted = 0;
		for (List<Quarantine.Held> page = quarantine.heldFor(event.phoneNumberId(), event.businessAccountId(), PAGE);
				!page.isEmpty(); page = quarantine.heldFor(event.phoneNumberId(), event.businessAccountId(), PAGE)) {
			for (Quarantine.Held held : page) {
				Set<java.util.UUID> signedFor = held.platformSigned() ? null
						: ownSecret != null && signatures.check(held.body(), held.signature(), new AppSecret(ownSecret)).isValid()
								? Set.of(event.numberId()) : Set.of();
				if (signedFor != null && signedFor.isEmpty()) {
					untrusted += held.itemIds().size();
				}
				else if (parser.parse(held.body()) instanceof WebhookParseResult.Parsed parsed) {
					List<DeliveryItem> items = parsed.delivery()
						.items()
						.stream()
						.filter(item -> item.route().phoneNumberId() != null
								? item.route().phoneNumberId().equals(event.phoneNumberId())
								: item.route().businessAccountId().equals(event.businessAccountId()))
						.toList();
					stored += ingest.ingest(held.body(), new Delivery(parsed.delivery().object(), items), signedFor,
							held.signature()).stored();
				}
				quarantine.released(held);
			}
		}
		if (stored > 0) {
			log.info("Stored {} items delivered for {} before it was registered", stored, event.phoneNumberId());
		}
		if (untrusted > 0) {
			log.warn("Dropped {} items parked for {}: their delivery was signed by another tenant's app", untrusted,
					event.phoneNumberId());
		}
	}
}

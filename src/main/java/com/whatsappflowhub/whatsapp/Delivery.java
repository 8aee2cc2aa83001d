package com.whatsappflowhub.whatsapp;

import java.util.List;

/**
 * A webhook delivery normalised: every item of every change of every entry, in the order Meta sent them.
 *
 * @param object the top-level {@code object}, {@code whatsapp_business_account}
 * @param items the messages, statuses and other events of the delivery
 */
public record Delivery(String object, List<DeliveryItem> items) {

	public Delivery {
		items = List.copyOf(items);
	}

	public List<InboundMessage> messages() {
		return items.stream().filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast).toList();
	}

	public List<StatusUpdate> statuses() {
		return items.stream().filter(StatusUpdate.class::isInstance).map(StatusUpdate.class::cast).toList();
	}

	public List<OtherEvent> otherEvents() {
		return items.stream().filter(OtherEvent.class::isInstance).map(OtherEvent.class::cast).toList();
	}
}

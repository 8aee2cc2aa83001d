package com.whatsappflowhub.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * WhatsApp's 24-hour customer-service window: a business may send free-form messages to a customer only within 24
 * hours of the customer's last inbound message; outside that window only approved templates go out.
 */
public final class WindowPolicy {

	/** How long a customer's message keeps the window open. */
	public static final Duration WINDOW = Duration.ofHours(24);

	private final Clock clock;

	public WindowPolicy(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The window as it stands now.
	 *
	 * @param lastInboundAt when the customer last wrote to us; {@code null} if never
	 */
	public CustomerServiceWindow windowFor(@Nullable Instant lastInboundAt) {
		Instant now = clock.instant();
		if (lastInboundAt == null) {
			return new CustomerServiceWindow(false, null);
		}
		Instant closesAt = lastInboundAt.plus(WINDOW);
		return new CustomerServiceWindow(now.isBefore(closesAt), closesAt);
	}

	/** Whether a free-form (non-template) message may go out now. */
	public boolean allowsFreeForm(@Nullable Instant lastInboundAt) {
		return windowFor(lastInboundAt).open();
	}

	/**
	 * Whether a message may go out now: templates always, free-form messages only inside the window.
	 *
	 * @param template whether the message is an approved template
	 */
	public boolean allows(boolean template, @Nullable Instant lastInboundAt) {
		return template || allowsFreeForm(lastInboundAt);
	}

	/**
	 * The state of the window.
	 *
	 * @param open whether free-form messages may be sent now
	 * @param closesAt when the window closes (or closed); {@code null} when the customer never wrote
	 */
	public record CustomerServiceWindow(boolean open, @Nullable Instant closesAt) {
	}
}

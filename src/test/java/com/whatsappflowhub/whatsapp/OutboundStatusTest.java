package com.whatsappflowhub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OutboundStatusTest {

	static final WhatsAppError EXPERIMENT = new WhatsAppError(130472, "User's number is part of an experiment", null);

	static OutboundStatus applyAll(List<MessageStatus> updates) {
		OutboundStatus status = OutboundStatus.accepted();
		for (MessageStatus update : updates) {
			status = status.advance(update, update == MessageStatus.FAILED ? EXPERIMENT : null);
		}
		return status;
	}

	@Test
	void endsAsReadWhenReadArrivesBeforeDelivered() {
		assertThat(applyAll(List.of(MessageStatus.SENT, MessageStatus.READ, MessageStatus.DELIVERED)).status())
			.isEqualTo(MessageStatus.READ);
	}

	@Test
	void endsAsReadWhenSentArrivesAfterRead() {
		assertThat(applyAll(List.of(MessageStatus.READ, MessageStatus.SENT)).status()).isEqualTo(MessageStatus.READ);
	}

	@Test
	void movesFromReadToPlayedForVoiceMessages() {
		assertThat(applyAll(List.of(MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.PLAYED)).status())
			.isEqualTo(MessageStatus.PLAYED);
	}

	@Test
	void keepsFailedAndItsErrorWhateverArrivesLater() {
		OutboundStatus status = applyAll(List.of(MessageStatus.SENT, MessageStatus.FAILED, MessageStatus.DELIVERED,
				MessageStatus.READ));
		assertThat(status.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(status.error()).isEqualTo(EXPERIMENT);
	}

	@Test
	void appliesAStatusWebhookWithItsFirstError() {
		Route route = new Route("waba", "messages", "pn", "155");
		StatusUpdate failed = new StatusUpdate(route, "wamid.1", MessageStatus.FAILED, Instant.EPOCH, "49", null,
				List.of(EXPERIMENT), null, null, "{}");
		assertThat(OutboundStatus.accepted().apply(failed)).isEqualTo(new OutboundStatus(MessageStatus.FAILED, EXPERIMENT));
	}

	@Test
	void refusesAnErrorOnAStatusThatDidNotFail() {
		assertThatThrownBy(() -> new OutboundStatus(MessageStatus.DELIVERED, EXPERIMENT))
			.isInstanceOf(OutboundStatus.InvalidOutboundStatus.class);
	}

	@Property
	void neverMovesBackwards(@ForAll("statusSequences") List<MessageStatus> updates) {
		OutboundStatus status = OutboundStatus.accepted();
		for (MessageStatus update : updates) {
			OutboundStatus next = status.advance(update, update == MessageStatus.FAILED ? EXPERIMENT : null);
			if (status.isFailed()) {
				assertThat(next).isEqualTo(status);
			}
			else if (!next.isFailed()) {
				assertThat(next.status().rank()).isGreaterThanOrEqualTo(status.status().rank());
			}
			status = next;
		}
	}

	@Property
	void endsAtTheFurthestStatusReportedUnlessItFailed(@ForAll("statusSequences") List<MessageStatus> updates) {
		OutboundStatus status = applyAll(updates);
		if (updates.contains(MessageStatus.FAILED)) {
			assertThat(status.status()).isEqualTo(MessageStatus.FAILED);
			assertThat(status.error()).isEqualTo(EXPERIMENT);
		}
		else {
			MessageStatus furthest = updates.stream()
				.max((a, b) -> Integer.compare(a.rank(), b.rank()))
				.orElse(MessageStatus.ACCEPTED);
			assertThat(status.status()).isEqualTo(furthest.rank() > 0 ? furthest : MessageStatus.ACCEPTED);
		}
	}

	@Property
	void endsTheSameWhateverTheOrderOfArrivalWithoutFailures(
			@ForAll("statusSequences") List<MessageStatus> updates) {
		List<MessageStatus> withoutFailure = updates.stream().filter(s -> s != MessageStatus.FAILED).toList();
		List<MessageStatus> reversed = new java.util.ArrayList<>(withoutFailure);
		java.util.Collections.reverse(reversed);
		assertThat(applyAll(reversed)).isEqualTo(applyAll(withoutFailure));
	}

	@Provide
	Arbitrary<List<MessageStatus>> statusSequences() {
		return Arbitraries.of(MessageStatus.class).list().ofMaxSize(12);
	}
}

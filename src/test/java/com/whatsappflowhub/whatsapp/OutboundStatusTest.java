package com.whatsappflowhub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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

	/** Every sequence of up to five status webhooks (6^0 + ... + 6^5 = 9331 sequences), in every order. */
	static Stream<List<MessageStatus>> everySequenceUpToFive() {
		List<List<MessageStatus>> sequences = new ArrayList<>();
		sequences.add(List.of());
		for (int start = 0, length = 1; length <= 5; length++) {
			int end = sequences.size();
			for (int i = start; i < end; i++) {
				for (MessageStatus next : MessageStatus.values()) {
					List<MessageStatus> longer = new ArrayList<>(sequences.get(i));
					longer.add(next);
					sequences.add(List.copyOf(longer));
				}
			}
			start = end;
		}
		return sequences.stream();
	}

	@Test
	void neverMovesBackwardsWhateverTheOrderOfArrival() {
		assertThat(everySequenceUpToFive().count()).isEqualTo(9331);
		everySequenceUpToFive().forEach(updates -> {
			OutboundStatus status = OutboundStatus.accepted();
			for (MessageStatus update : updates) {
				OutboundStatus next = status.advance(update, update == MessageStatus.FAILED ? EXPERIMENT : null);
				if (status.isFailed()) {
					assertThat(next).as("%s", updates).isEqualTo(status);
				}
				else if (!next.isFailed()) {
					assertThat(next.status().rank()).as("%s", updates).isGreaterThanOrEqualTo(status.status().rank());
				}
				status = next;
			}
		});
	}

	@Test
	void endsAtTheFurthestStatusReportedUnlessItFailed() {
		everySequenceUpToFive().forEach(updates -> {
			OutboundStatus status = applyAll(updates);
			if (updates.contains(MessageStatus.FAILED)) {
				assertThat(status).as("%s", updates).isEqualTo(new OutboundStatus(MessageStatus.FAILED, EXPERIMENT));
			}
			else {
				MessageStatus furthest = updates.stream()
					.max(Comparator.comparingInt(MessageStatus::rank))
					.orElse(MessageStatus.ACCEPTED);
				assertThat(status.status()).as("%s", updates).isEqualTo(furthest);
			}
		});
	}

	@Test
	void endsTheSameWhicheverOrderTheSameStatusesArriveIn() {
		everySequenceUpToFive().forEach(updates -> {
			List<MessageStatus> reversed = new ArrayList<>(updates);
			Collections.reverse(reversed);
			assertThat(applyAll(reversed)).as("%s", updates).isEqualTo(applyAll(updates));
		});
	}
}

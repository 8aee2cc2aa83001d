package com.whatsappflowhub.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class VerifyHandshakeTest {

	final VerifyHandshake handshake = new VerifyHandshake();

	@Test
	void echoesTheChallengeForAKnownVerifyToken() {
		assertThat(handshake.answer("subscribe", "tenant-token", "1158201444", List.of("platform-token", "tenant-token")))
			.contains("1158201444");
	}

	@Test
	void refusesAnUnknownTokenAnotherModeOrMissingParameters() {
		List<String> tokens = List.of("platform-token");
		assertThat(handshake.answer("subscribe", "guess", "1", tokens)).isEmpty();
		assertThat(handshake.answer("unsubscribe", "platform-token", "1", tokens)).isEmpty();
		assertThat(handshake.answer(null, "platform-token", "1", tokens)).isEmpty();
		assertThat(handshake.answer("subscribe", null, "1", tokens)).isEmpty();
		assertThat(handshake.answer("subscribe", "platform-token", null, tokens)).isEmpty();
		assertThat(handshake.answer("subscribe", "", "1", List.of(""))).isEmpty();
	}
}

package com.whatsappflowhub.tasks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationSignalTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "done ✅|COMPLETE", "Done!|COMPLETE", "finished, invoice sent|COMPLETE",
			"✅|COMPLETE", "listo|COMPLETE", "Já está feito|COMPLETE", "sudah selesai ya|COMPLETE",
			"ho gaya bhai|COMPLETE", "I'll take it|TAKE", "on it 👍|TAKE", "Yo me encargo|TAKE", "deixa comigo|TAKE",
			"biar saya|TAKE", "is it done?|NONE", "not done yet|NONE", "belum selesai|NONE", "ainda não está pronto|NONE",
			"thanks|NONE", "ok|NONE",
			"I have finished reading your long message and I think we should discuss the details of the proposal tomorrow|NONE" })
	void readsWhatAShortReplyMeans(String reply, ConversationSignal expected) {
		assertThat(ConversationSignal.ofReply(reply)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "✅,COMPLETE", "✔️,COMPLETE", "👍,ACCEPT", "👍🏽,ACCEPT", "❤️,NONE", "😂,NONE" })
	void readsWhatAReactionMeans(String emoji, ConversationSignal expected) {
		assertThat(ConversationSignal.ofReaction(emoji)).isEqualTo(expected);
	}
}

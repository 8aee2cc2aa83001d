package com.whatsappflowhub.extraction.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionKindTests {

	@Test
	void labelsAnExpressionByTheClassesOfItsTokens() {
		assertThat(ExpressionKind.of("in 3 hours")).isEqualTo("offset");
		assertThat(ExpressionKind.of("two weeks from now")).isEqualTo("offset");
		assertThat(ExpressionKind.of("the last Friday of October")).isEqualTo("nth-of");
		assertThat(ExpressionKind.of("Q3 2027")).isEqualTo("quarter");
		assertThat(ExpressionKind.of("at 4:30pm")).isEqualTo("clock");
		assertThat(ExpressionKind.of("next week")).isEqualTo("cycle");
		assertThat(ExpressionKind.of("3/14")).isEqualTo("numeric-date");
		assertThat(ExpressionKind.of("tuesday")).isEqualTo("weekday");
		assertThat(ExpressionKind.of("March 3rd")).isEqualTo("month-day");
		assertThat(ExpressionKind.of("from 9 to 5")).isEqualTo("interval");
	}

	@Test
	void anExpressionWithAWordOfNoGenericClassNamesADay() {
		assertThat(ExpressionKind.of("the day after Thanksgiving")).isEqualTo("named");
		assertThat(ExpressionKind.of("diwali 2027")).isEqualTo("named");
		// a misspelt day word is still a day word, not a name
		assertThat(ExpressionKind.of("tommorow")).isEqualTo("day-word");
	}

	@Test
	void holdsOutEveryThirdKindInAFixedOrder() {
		assertThat(ExpressionKind.names()).contains("named", "clock", "offset");
		assertThat(ExpressionKind.names().stream().filter(ExpressionKind::heldOut).toList())
			.containsExactly("interval", "season", "cycle", "month-day", "ordinal-day");
	}
}

package com.whatsappflowhub.extraction.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.Deadline.Grain;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeadlineScoringTests {

	final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void comparesAValueAtTheGoldGrain() {
		var gold = mapper.readTree("{\"value\": \"2026-03-06T00:00:00-05:00\", \"grain\": \"day\"}");
		var friday = ZonedDateTime.of(2026, 3, 6, 14, 0, 0, 0, ZoneOffset.ofHours(-5));
		assertThat(DeadlineScoring.matches(gold, Deadline.at(friday, Grain.HOUR, null))).isTrue();
		assertThat(DeadlineScoring.matches(gold, Deadline.at(friday.plusDays(1), Grain.DAY, null))).isFalse();
	}

	@Test
	void acceptsAPredictionThatStartsInsideAGoldInterval() {
		var gold = mapper.readTree("{\"from\": \"2026-03-06T08:00:00Z\", \"to\": \"2026-03-06T12:00:00Z\"}");
		var nine = ZonedDateTime.of(2026, 3, 6, 9, 0, 0, 0, ZoneOffset.UTC);
		assertThat(DeadlineScoring.matches(gold, Deadline.between(nine, nine.plusHours(3), null))).isTrue();
		assertThat(DeadlineScoring.matches(gold, Deadline.at(nine.plusHours(3), Grain.HOUR, null))).isFalse();
	}

	@Test
	void aNullGoldMatchesOnlyNoPrediction() {
		assertThat(DeadlineScoring.matches(mapper.readTree("null"), null)).isTrue();
		assertThat(DeadlineScoring.matches(mapper.readTree("null"),
				Deadline.at(ZonedDateTime.now(ZoneOffset.UTC), Grain.DAY, null))).isFalse();
	}

	@Test
	void scoresTitlesByTokenOverlap() {
		assertThat(Evaluator.tokenF1("Update the specials board", "update specials board")).isBetween(0.85, 0.86);
		assertThat(Evaluator.tokenF1("Call the supplier", "Order cups")).isZero();
	}
}

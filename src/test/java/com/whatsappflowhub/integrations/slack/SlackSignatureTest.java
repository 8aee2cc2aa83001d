package com.whatsappflowhub.integrations.slack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack's request signing, against the test vector of Slack's documentation (../shared/contracts/slack/README.md). */
class SlackSignatureTest {

	static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	static final String TIMESTAMP = "1531420618";

	static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
			+ "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
			+ "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
			+ "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
		.getBytes(StandardCharsets.UTF_8);

	static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

	@Test
	void signsSlacksTestVector() {
		assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
		assertThat(SlackSignature.matches(SECRET, TIMESTAMP, BODY, EXPECTED)).isTrue();
		assertThat(SlackSignature.matches(SECRET, TIMESTAMP, BODY, EXPECTED.toUpperCase().replace("V0=", "v0="))).isTrue();
	}

	@Test
	void refusesAnotherBodySecretTimestampOrVersion() {
		byte[] other = BODY.clone();
		other[other.length - 1] = 'd';
		assertThat(SlackSignature.matches(SECRET, TIMESTAMP, other, EXPECTED)).isFalse();
		assertThat(SlackSignature.matches(SECRET + "x", TIMESTAMP, BODY, EXPECTED)).isFalse();
		assertThat(SlackSignature.matches(SECRET, "1531420619", BODY, EXPECTED)).isFalse();
		assertThat(SlackSignature.matches(SECRET, TIMESTAMP, BODY, EXPECTED.replace("v0=", "v1="))).isFalse();
		assertThat(SlackSignature.matches(SECRET, TIMESTAMP, BODY, EXPECTED.substring(3))).isFalse();
		assertThat(SlackSignature.matches(SECRET, TIMESTAMP, BODY, null)).isFalse();
		assertThat(SlackSignature.matches("", TIMESTAMP, BODY, EXPECTED)).isFalse();
	}

	@Test
	void acceptsTimestampsWithinFiveMinutesOnly() {
		Instant signedAt = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));
		assertThat(SlackSignature.fresh(TIMESTAMP, signedAt)).isTrue();
		assertThat(SlackSignature.fresh(TIMESTAMP, signedAt.plusSeconds(300))).isTrue();
		assertThat(SlackSignature.fresh(TIMESTAMP, signedAt.plusSeconds(301))).isFalse();
		assertThat(SlackSignature.fresh(TIMESTAMP, signedAt.minusSeconds(301))).isFalse(); // from the future
		assertThat(SlackSignature.fresh(null, signedAt)).isFalse();
		assertThat(SlackSignature.fresh("soon", signedAt)).isFalse();
		assertThat(SlackSignature.fresh("-1531420618", signedAt)).isFalse();
	}
}

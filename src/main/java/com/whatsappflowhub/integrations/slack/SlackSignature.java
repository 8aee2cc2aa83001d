package com.whatsappflowhub.integrations.slack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.whatsappflowhub.integrations.InboundSignatures;
import org.jspecify.annotations.Nullable;

/**
 * Slack's request signing, version {@code v0}: {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret,
 * "v0:" + X-Slack-Request-Timestamp + ":" + raw body)>}, compared in constant time, and a timestamp no more than
 * five minutes from now (a captured request cannot be replayed later).
 */
final class SlackSignature {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private SlackSignature() {
	}

	static String sign(String secret, String timestamp, byte[] body) {
		return "v0=" + HexFormat.of().formatHex(InboundSignatures.hmacSha256(secret, base(timestamp, body)));
	}

	/** Whether {@code signature} is {@code secret}'s for this timestamp and body. */
	static boolean matches(String secret, String timestamp, byte[] body, @Nullable String signature) {
		if (signature == null || !signature.startsWith("v0=")) {
			return false;
		}
		return InboundSignatures.matchesHex(secret, base(timestamp, body), signature.substring(3));
	}

	/** Whether the timestamp (seconds since the epoch) is within {@link #TOLERANCE} of {@code now}. */
	static boolean fresh(@Nullable String timestamp, Instant now) {
		if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		long seconds = Long.parseLong(timestamp);
		return Math.abs(now.getEpochSecond() - seconds) <= TOLERANCE.toSeconds();
	}

	private static byte[] base(String timestamp, byte[] body) {
		ByteArrayOutputStream base = new ByteArrayOutputStream(body.length + 16);
		base.writeBytes(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
		base.writeBytes(body);
		return base.toByteArray();
	}
}

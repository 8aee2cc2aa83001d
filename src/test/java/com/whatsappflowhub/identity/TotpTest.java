package com.whatsappflowhub.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.whatsappflowhub.identity.mfa.Totp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 Appendix B: the published test vectors, for SHA-1, SHA-256 and SHA-512 with 8 digits. */
class TotpTest {

	static final byte[] SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	static final byte[] SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	static final byte[] SHA512 = "1234567890123456789012345678901234567890123456789012345678901234"
		.getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void matchesTheRfc6238Vectors(long time, String sha1, String sha256, String sha512) {
		long counter = Totp.counter(Instant.ofEpochSecond(time));
		assertThat(Totp.code(SHA1, counter, 8, "HmacSHA1")).isEqualTo(sha1);
		assertThat(Totp.code(SHA256, counter, 8, "HmacSHA256")).isEqualTo(sha256);
		assertThat(Totp.code(SHA512, counter, 8, "HmacSHA512")).isEqualTo(sha512);
	}

	@Test
	void aCodeIsGoodWithinOneStepOfDriftAndOnlyOnce() {
		Instant at = Instant.ofEpochSecond(1111111111);
		String code = Totp.code(SHA1, Totp.counter(at), 6, "HmacSHA1");
		assertThat(Totp.match(SHA1, code, at, 0)).hasValue(Totp.counter(at));
		assertThat(Totp.match(SHA1, code, at.plusSeconds(30), 0)).isPresent();
		assertThat(Totp.match(SHA1, code, at.plusSeconds(90), 0)).isEmpty();
		assertThat(Totp.match(SHA1, code, at, Totp.counter(at))).isEmpty();
		assertThat(Totp.match(SHA1, "12345", at, 0)).isEmpty();
	}
}

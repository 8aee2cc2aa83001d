package com.whatsappflowhub.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.whatsapp.Contracts;

class SignatureVerifierTest {

	static byte[] body;

	static JsonNode vector;

	static AppSecret secret;

	final SignatureVerifier verifier = new SignatureVerifier();

	@BeforeAll
	static void loadKnownAnswerVector() throws IOException {
		Path dir = Contracts.webhooks().resolve("signature");
		vector = JsonMapper.shared().readTree(dir.resolve("vector.json").toFile());
		body = Files.readAllBytes(dir.resolve(vector.path("body_file").asString()));
		secret = new AppSecret(vector.path("app_secret").asString());
	}

	@Test
	void knownAnswerBodyIsTheExactBytesOfTheVector() throws NoSuchAlgorithmException {
		assertThat(body).hasSize(vector.path("body_length_bytes").asInt());
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
			.isEqualTo(vector.path("body_sha256_of_bytes").asString());
	}

	@Test
	void acceptsTheKnownAnswerSignature() {
		assertThat(SignatureVerifier.HEADER).isEqualTo(vector.path("header_name").asString());
		assertThat(verifier.check(body, vector.path("header_value").asString(), secret)).isEqualTo(SignatureCheck.VALID);
		assertThatCode(() -> verifier.verify(body, vector.path("header_value").asString(), secret))
			.doesNotThrowAnyException();
	}

	@Test
	void signsExactlyAsMetaDoes() {
		assertThat(verifier.sign(body, secret)).isEqualTo(vector.path("header_value").asString());
	}

	@Test
	void acceptsAnUppercaseHexDigest() {
		String header = vector.path("header_value").asString();
		String upper = "sha256=" + header.substring("sha256=".length()).toUpperCase();
		assertThat(verifier.check(body, upper, secret)).isEqualTo(SignatureCheck.VALID);
	}

	@Test
	void refusesAForgedSignature() {
		String forged = verifier.sign(body, new AppSecret("not-the-app-secret"));
		assertThat(verifier.check(body, forged, secret)).isEqualTo(SignatureCheck.MISMATCH);
		assertThatThrownBy(() -> verifier.verify(body, forged, secret)).isInstanceOf(SignatureMismatch.class)
			.extracting(ex -> ((SignatureMismatch) ex).check())
			.isEqualTo(SignatureCheck.MISMATCH);
	}

	@Test
	void refusesAMissingSignature() {
		assertThat(verifier.check(body, null, secret)).isEqualTo(SignatureCheck.MISSING);
		assertThat(verifier.check(body, "  ", secret)).isEqualTo(SignatureCheck.MISSING);
		assertThatThrownBy(() -> verifier.verify(body, null, secret)).isInstanceOf(SignatureMismatch.class);
	}

	@Test
	void refusesAReplayedSignatureOnAnAlteredBody() {
		String original = vector.path("header_value").asString();
		String tampered = new String(body, StandardCharsets.UTF_8).replace("Hey there!", "Hey there?");
		assertThat(tampered).isNotEqualTo(new String(body, StandardCharsets.UTF_8));
		assertThat(verifier.check(tampered.getBytes(StandardCharsets.UTF_8), original, secret))
			.isEqualTo(SignatureCheck.MISMATCH);
		byte[] withNewline = (new String(body, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
		assertThat(verifier.check(withNewline, original, secret)).isEqualTo(SignatureCheck.MISMATCH);
	}

	@Test
	void refusesMalformedHeaders() {
		String hex = vector.path("header_value").asString().substring("sha256=".length());
		assertThat(verifier.check(body, hex, secret)).isEqualTo(SignatureCheck.MALFORMED);
		assertThat(verifier.check(body, "sha1=" + hex, secret)).isEqualTo(SignatureCheck.MALFORMED);
		assertThat(verifier.check(body, "sha256=" + hex.substring(2), secret)).isEqualTo(SignatureCheck.MALFORMED);
		assertThat(verifier.check(body, "sha256=" + hex.substring(1) + "g", secret))
			.isEqualTo(SignatureCheck.MALFORMED);
		assertThat(verifier.check(body, "sha256=" + "\u0663".repeat(64), secret)).isEqualTo(SignatureCheck.MALFORMED);
	}

	@Test
	void acceptsWhenAnyCandidateSecretMatches() {
		String header = vector.path("header_value").asString();
		AppSecret other = new AppSecret("tenant-own-secret");
		assertThat(verifier.checkAny(body, header, List.of(other, secret))).isEqualTo(SignatureCheck.VALID);
		assertThat(verifier.checkAny(body, header, List.of(other))).isEqualTo(SignatureCheck.MISMATCH);
	}

	@Test
	void refusesABlankAppSecretAndNeverPrintsOne() {
		assertThatThrownBy(() -> new AppSecret(" ")).isInstanceOf(SignatureMismatch.BlankAppSecret.class);
		assertThat(secret.toString()).doesNotContain(vector.path("app_secret").asString());
	}
}

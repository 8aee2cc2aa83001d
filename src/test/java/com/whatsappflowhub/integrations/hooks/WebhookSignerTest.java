package com.whatsappflowhub.integrations.hooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Our signer against the Standard Webhooks known answers, and the tests' verifier against the verification cases. */
class WebhookSignerTest {

	static final JsonNode VECTORS = StandardWebhooksContract.vectors();

	@TestFactory
	Stream<DynamicTest> signsTheKnownAnswersOfTheReferenceLibraries() {
		assertThat(VECTORS.get("sign")).hasSizeGreaterThanOrEqualTo(2);
		return VECTORS.get("sign").valueStream().map(vector -> DynamicTest.dynamicTest(vector.get("name").asString(), () -> {
			String signature = WebhookSigner.sign(new SigningSecret(vector.get("secret").asString()),
					vector.get("webhook-id").asString(), Long.parseLong(vector.get("webhook-timestamp").asString()),
					vector.get("body").asString().getBytes(StandardCharsets.UTF_8));
			assertThat(signature).isEqualTo(vector.get("expected_signature").asString());
		}));
	}

	@TestFactory
	Stream<DynamicTest> theVerifierDecidesEveryVerificationCaseAsTheContractSays() {
		assertThat(VECTORS.get("verify")).hasSizeGreaterThanOrEqualTo(16);
		return VECTORS.get("verify").valueStream().map(vector -> DynamicTest.dynamicTest(vector.get("name").asString(), () -> {
			Map<String, String> headers = new LinkedHashMap<>();
			vector.get("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asString()));
			boolean accepted = new StandardWebhookVerifier(vector.get("secret").asString()).verify(headers,
					vector.get("body").asString().getBytes(StandardCharsets.UTF_8), vector.get("now").asLong());
			assertThat(accepted).as(vector.get("why").asString()).isEqualTo("accept".equals(vector.get("expect").asString()));
		}));
	}

	@Test
	void aRotationHeaderCarriesOneSignatureForEachSecretAndEitherSecretVerifies() {
		SecureRandom random = new SecureRandom();
		SigningSecret current = SigningSecret.generate(random);
		SigningSecret previous = SigningSecret.generate(random);
		byte[] body = "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);

		String header = WebhookSigner.header(List.of(current, previous), "evt_1", 1_700_000_000L, body);

		assertThat(header.split(" ")).hasSize(2).allSatisfy(part -> assertThat(part).startsWith("v1,"));
		Map<String, String> headers = Map.of("webhook-id", "evt_1", "webhook-timestamp", "1700000000",
				"webhook-signature", header);
		assertThat(new StandardWebhookVerifier(current.value()).verify(headers, body, 1_700_000_000L)).isTrue();
		assertThat(new StandardWebhookVerifier(previous.value()).verify(headers, body, 1_700_000_000L)).isTrue();
		assertThat(new StandardWebhookVerifier(SigningSecret.generate(random).value()).verify(headers, body,
				1_700_000_000L)).isFalse();
	}

	@Test
	void aGeneratedSecretIsWhsecAndTheBase64Of32BytesAndNeverPrintsItself() {
		SigningSecret secret = SigningSecret.generate(new SecureRandom());

		assertThat(secret.value()).startsWith("whsec_");
		assertThat(secret.key()).hasSize(32);
		assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
		assertThat(SigningSecret.generate(new SecureRandom()).value()).isNotEqualTo(secret.value());
	}
}

package com.whatsappflowhub.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.whatsapp.Contracts;
import com.whatsappflowhub.whatsapp.Delivery;
import com.whatsappflowhub.whatsapp.DeliveryItem;
import com.whatsappflowhub.whatsapp.InboundMessage;
import com.whatsappflowhub.whatsapp.MessageContent;
import com.whatsappflowhub.whatsapp.RecordPath;

/**
 * Every case of every file in {@code ../shared/contracts/whatsapp/webhooks/pywa/}, discovered at run time: a new
 * fixture file or case is covered without code. Each must parse to a delivery that keeps every message, status and
 * event, and (where {@code whatsapp/pywa-expectations.json} names it) to the expected type with its key fields.
 */
class PywaFixturesTest {

	static final JsonMapper JSON = JsonMapper.shared();

	static JsonNode expectations;

	final WebhookParser parser = new WebhookParser();

	@BeforeAll
	static void loadExpectations() throws IOException {
		try (InputStream in = PywaFixturesTest.class.getResourceAsStream("/whatsapp/pywa-expectations.json")) {
			expectations = JSON.readTree(in);
		}
	}

	static Stream<Arguments> pywaCases() throws IOException {
		List<Arguments> cases = new ArrayList<>();
		try (Stream<Path> files = Files.list(Contracts.webhooks().resolve("pywa"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode all = JSON.readTree(file.toFile());
				for (Map.Entry<String, JsonNode> entry : all.properties()) {
					cases.add(Arguments.of(file.getFileName() + "/" + entry.getKey(),
							JSON.writeValueAsBytes(entry.getValue())));
				}
			}
		}
		return cases.stream();
	}

	@Test
	void discoversEveryPywaCase() throws IOException {
		assertThat(pywaCases().count()).isGreaterThanOrEqualTo(74);
	}

	@Test
	void namesAnExpectationOnlyForCasesThatExist() throws IOException {
		java.util.Set<String> cases = new java.util.HashSet<>();
		pywaCases().forEach(arguments -> cases.add((String) arguments.get()[0]));
		expectations.propertyNames().stream()
			.filter(name -> !name.startsWith("_"))
			.forEach(name -> assertThat(cases).as("fixture case of expectation %s", name).contains(name));
		assertThat(expectations.propertyNames()).hasSizeGreaterThanOrEqualTo(75);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pywaCases")
	void normalisesEveryPywaCaseWithoutLosingAnything(String name, byte[] body) {
		WebhookParseResult result = parser.parse(body);

		assertThat(result).as(name).isInstanceOf(WebhookParseResult.Parsed.class);
		Delivery delivery = ((WebhookParseResult.Parsed) result).delivery();
		JsonNode root = JSON.readTree(body);
		List<JsonNode> raws = delivery.items().stream().map(item -> JSON.readTree(item.rawJson())).toList();
		for (JsonNode entry : root.path("entry")) {
			for (JsonNode change : entry.path("changes")) {
				String field = change.path("field").asString();
				assertThat(delivery.items()).as("items of change %s", field)
					.anySatisfy(item -> assertThat(item.route().field()).isEqualTo(field));
				for (String array : List.of("messages", "statuses")) {
					for (JsonNode element : change.path("value").path(array)) {
						assertThat(raws).as("raw %s element kept", array).contains(element);
					}
				}
				for (DeliveryItem item : delivery.items()) {
					assertThat(item.route().businessAccountId()).isEqualTo(entry.path("id").asString());
					JsonNode metadata = change.path("value").path("metadata");
					if (metadata.has("phone_number_id")) {
						assertThat(item.route().phoneNumberId())
							.isEqualTo(metadata.path("phone_number_id").asString());
					}
				}
			}
		}
		for (InboundMessage message : delivery.messages()) {
			assertThat(message.id()).isNotBlank();
			assertThat(message.sender().waId()).isNotBlank();
			assertThat(message.content()).as("%s is a known kind", name).isNotInstanceOf(MessageContent.Unknown.class);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pywaCases")
	void normalisesEveryNamedPywaCaseToItsExpectedTypeAndFields(String name, byte[] body) {
		JsonNode expected = expectations.path(name);
		// a case added to the shared fixtures later still gets every generic check above; name its type here
		assumeTrue(expected.isObject(), () -> "no expectation for " + name + " in whatsapp/pywa-expectations.json");

		Delivery delivery = ((WebhookParseResult.Parsed) parser.parse(body)).delivery();
		DeliveryItem first = delivery.items().get(0);

		assertThat(first.getClass().getSimpleName()).isEqualTo(expected.path("type").asString());
		if (expected.has("content")) {
			assertThat(((InboundMessage) first).content().getClass().getSimpleName())
				.isEqualTo(expected.path("content").asString());
		}
		for (Map.Entry<String, JsonNode> field : expected.path("fields").properties()) {
			Object actual = RecordPath.read(first, field.getKey());
			assertThat(normalise(actual)).as("%s: %s", name, field.getKey()).isEqualTo(normalise(field.getValue()));
		}
	}

	/** Compares record values with JSON expectations: numbers by value, enums and instants as text. */
	private static Object normalise(Object value) {
		if (value instanceof JsonNode node) {
			if (node.isNull()) {
				return "<null>";
			}
			if (node.isNumber()) {
				return node.decimalValue().stripTrailingZeros();
			}
			if (node.isBoolean()) {
				return node.booleanValue();
			}
			return node.asString();
		}
		if (value == null) {
			return "<null>";
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros();
		}
		if (value instanceof Enum<?> || value instanceof Instant || value instanceof CharSequence) {
			return value.toString();
		}
		return value;
	}
}

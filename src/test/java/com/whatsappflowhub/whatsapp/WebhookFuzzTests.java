package com.whatsappflowhub.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.WebhookParseResult;
import com.whatsappflowhub.whatsapp.webhook.WebhookParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real pywa fixtures, mutated (dropped keys, swapped types, huge and odd strings, NULs, deep nesting) with a fixed
 * seed, signed and posted: every answer is 200 or 400, never a 500 that Meta would retry for days, and a delivery
 * whose only change is a NUL in its strings is stored whole.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookFuzzTests {

	static final JsonMapper JSON = JsonMapper.shared();

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static final int CASES = 300;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings settings;

	ChannelFixture channel;

	ChannelFixture.Tenant tenant;

	List<JsonNode> fixtures = new ArrayList<>();

	final WebhookParser parser = new WebhookParser();

	@BeforeAll
	void fixturesAndANumber() throws IOException {
		channel = new ChannelFixture(api, jdbc, transactions, settings);
		tenant = channel.tenantWithNumber();
		try (Stream<Path> files = Files.list(Contracts.webhooks().resolve("pywa"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				JSON.readTree(file.toFile()).properties().forEach(entry -> fixtures.add(entry.getValue()));
			}
		}
		assertThat(fixtures).hasSizeGreaterThan(50);
	}

	@Test
	void everyMutatedSignedDeliveryIsAnswered200Or400AndNulsDoNotLoseMessages() {
		Random random = new Random(11);
		Map<Integer, Integer> statuses = new TreeMap<>();
		int nulOnly = 0;
		for (int n = 0; n < CASES; n++) {
			JsonNode copy = pointAtTenant(fixtures.get(random.nextInt(fixtures.size())).deepCopy(), n);
			int mutations = 1 + random.nextInt(3);
			boolean onlyNul = true;
			for (int m = 0; m < mutations; m++) {
				int kind = random.nextInt(6);
				onlyNul &= kind == 3;
				copy = mutate(copy, kind, random);
			}
			byte[] body = deepen(JSON.writeValueAsString(copy)).getBytes(StandardCharsets.UTF_8);
			MvcTestResult result = channel.post(body);
			int status = result.getResponse().getStatus();
			statuses.merge(status, 1, Integer::sum);
			assertThat(status).as("case %d: %s", n, new String(body, StandardCharsets.UTF_8)).isIn(200, 400);
			if (onlyNul && status == 200 && parser.parse(body) instanceof WebhookParseResult.Parsed parsed) {
				nulOnly++;
				for (DeliveryItem item : parsed.delivery().items()) {
					if (item instanceof InboundMessage message && tenant.phoneNumberId().equals(item.route().phoneNumberId())) {
						assertThat(channel.count(tenant.tenantId(), "SELECT count(*) FROM message WHERE external_id = ?",
								message.id())).as("case %d: %s stored", n, message.id()).isEqualTo(1);
					}
				}
			}
		}
		System.out.println("Webhook fuzz (" + CASES + " cases, seed 11): " + statuses + ", NUL-only deliveries checked: " + nulOnly);
		assertThat(nulOnly).isPositive();
	}

	@Test
	void aSignedBodyWithARawNulByteIsQuarantinedNotA500() {
		byte[] body = "{\"object\": \"whatsapp_business_account\", \u0000 \"entry\": []}".getBytes(StandardCharsets.UTF_8);
		assertThat(channel.post(body)).hasStatus(400);
		byte[] notJson = "\u0000\u0000 hello \u0000".getBytes(StandardCharsets.UTF_8);
		assertThat(channel.post(notJson)).hasStatus(400);
	}

	private JsonNode pointAtTenant(JsonNode copy, int n) {
		for (JsonNode entry : copy.path("entry")) {
			((ObjectNode) entry).put("id", tenant.businessAccountId());
			for (JsonNode change : entry.path("changes")) {
				JsonNode metadata = change.path("value").path("metadata");
				if (metadata.isObject() && metadata.has("phone_number_id")) {
					((ObjectNode) metadata).put("phone_number_id", tenant.phoneNumberId());
				}
			}
		}
		String text = JSON.writeValueAsString(copy)
			.replace("\"wamid.", "\"wamid.f" + n + "-")
			.replace("\"wacid.", "\"wacid.f" + n + "-");
		return JSON.readTree(text);
	}

	/** 0 drop a key, 1 swap a type, 2 a huge string, 3 a NUL in a string, 4 an odd string, 5 deep nesting. */
	private JsonNode mutate(JsonNode root, int kind, Random random) {
		List<JsonNode> containers = new ArrayList<>();
		collect(root, containers);
		JsonNode target = containers.get(random.nextInt(containers.size()));
		if (kind == 3) {
			List<ObjectNode> withStrings = new ArrayList<>();
			containers.stream().filter(JsonNode::isObject).map(ObjectNode.class::cast)
				.filter(o -> o.properties().stream().anyMatch(p -> p.getValue().isString()))
				.forEach(withStrings::add);
			if (withStrings.isEmpty()) {
				return root;
			}
			ObjectNode object = withStrings.get(random.nextInt(withStrings.size()));
			List<String> keys = object.properties().stream().filter(p -> p.getValue().isString()).map(Map.Entry::getKey).toList();
			String key = keys.get(random.nextInt(keys.size()));
			String value = object.get(key).asString();
			int at = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
			object.put(key, value.substring(0, at) + "\u0000" + value.substring(at));
			return root;
		}
		if (!(target instanceof ObjectNode object) || object.isEmpty()) {
			return root;
		}
		List<String> keys = new ArrayList<>(object.propertyNames());
		String key = keys.get(random.nextInt(keys.size()));
		switch (kind) {
			case 0 -> object.remove(key);
			case 1 -> {
				JsonNode value = object.get(key);
				object.set(key, value.isString() ? NODES.numberNode(random.nextInt())
						: value.isNumber() ? NODES.stringNode("not-a-number")
								: value.isObject() ? NODES.arrayNode().add(value) : value.isArray() ? NODES.objectNode()
										: NODES.stringNode(value.toString()));
			}
			case 2 -> object.put(key, "x".repeat(50_000 + random.nextInt(150_000)));
			case 4 -> object.put(key, List.of("😀👍🏽", "\u202Eevil", "' OR 1=1 --", "<script>", "\\\\", "\uFEFF", "")
				.get(random.nextInt(7)));
			// nested past what Jackson writes: a marker replaced in the text (see deepen)
			case 5 -> object.put(key, "__DEEP" + (50 + random.nextInt(1500)) + "__");
			default -> {
			}
		}
		return root;
	}

	private static String deepen(String json) {
		java.util.regex.Matcher marker = java.util.regex.Pattern.compile("\"__DEEP(\\d+)__\"").matcher(json);
		StringBuilder out = new StringBuilder();
		while (marker.find()) {
			int depth = Integer.parseInt(marker.group(1));
			marker.appendReplacement(out, "[".repeat(depth) + "1" + "]".repeat(depth));
		}
		marker.appendTail(out);
		return out.toString();
	}

	private static void collect(JsonNode node, List<JsonNode> out) {
		if (node.isContainer()) {
			out.add(node);
			for (JsonNode child : node) {
				collect(child, out);
			}
		}
	}
}

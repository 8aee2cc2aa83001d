package com.whatsappflowhub.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.platform.WorkDeadLettered;
import com.whatsappflowhub.whatsapp.ChannelFixture;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events on a real Kafka broker in the JVM (spring-kafka-test's KRaft broker): the only test context with
 * {@code spring.kafka.bootstrap-servers}, so the only one with externalization on.
 */
@IntegrationTest
@EmbeddedKafka(count = 1)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class KafkaEventsTests {

	static final String GROUP = "kafka-events-tests";

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NumberSettings numberSettings;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JsonMapper json;

	static Consumer<String, String> consumer;

	static final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	@BeforeAll
	static void subscribe(@Autowired EmbeddedKafkaBroker broker) {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker.getBrokersAsString(), GROUP, false);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(Exports.TOPICS);
	}

	@AfterAll
	static void close() {
		consumer.close();
	}

	@Test
	void aWhatsAppMessageEndsAsReceivedProcessedAndCreatedKeyedByTenantOncePerEventId() {
		ChannelFixture channel = new ChannelFixture(api, jdbc, transactions, numberSettings);
		ChannelFixture.Tenant tenant = channel.tenantWithNumber();
		String tenantId = tenant.tenantId().toString();

		assertThat(channel.post(ChannelFixture.textDelivery(tenant, ChannelFixture.wamid(), "447700900123", "Acme Ltd",
				"Can you send me the invoice by Friday?", Instant.now()))).hasStatusOk();

		List<ConsumerRecord<String, String>> ofTenant = await().atMost(Duration.ofSeconds(60))
			.until(() -> poll(tenantId), records -> types(records).containsAll(
					List.of("com.whatsappflowhub.message.received", "com.whatsappflowhub.message.processed",
							"com.whatsappflowhub.task.created")));

		for (ConsumerRecord<String, String> record : ofTenant) {
			assertThat(record.key()).as("keyed by tenant").isEqualTo(tenantId);
			JsonNode payload = json.readTree(record.value());
			assertThat(header(record, "ce_id")).isEqualTo(payload.get("eventId").asString());
			assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
			assertThat(header(record, "ce_source")).isEqualTo("/tenants/" + tenantId);
			assertThat(Instant.parse(header(record, "ce_time"))).isBeforeOrEqualTo(Instant.now());
			assertThat(payload.get("tenantId").asString()).isEqualTo(tenantId);
		}
		ConsumerRecord<String, String> received = only(ofTenant, "message.received");
		ConsumerRecord<String, String> processed = only(ofTenant, "message.processed");
		ConsumerRecord<String, String> created = only(ofTenant, "task.created");
		assertThat(received.topic()).isEqualTo("message-events");
		assertThat(processed.topic()).isEqualTo("message-events");
		assertThat(created.topic()).isEqualTo("task-events");
		JsonNode message = json.readTree(received.value());
		assertThat(message.get("text").asString()).isEqualTo("Can you send me the invoice by Friday?");
		JsonNode analysis = json.readTree(processed.value());
		assertThat(analysis.get("messageId").asString()).isEqualTo(message.get("messageId").asString());
		assertThat(analysis.get("extractedTasks")).isNotEmpty();
		assertThat(analysis.get("processingMetadata").get("modelVersion").asString()).isNotBlank();
		JsonNode task = json.readTree(created.value()).get("task");
		assertThat(task.get("sourceMessageId").asString()).isEqualTo(message.get("messageId").asString());

		// nothing is left to send, and nothing was sent twice
		await().atMost(Duration.ofSeconds(10))
			.until(() -> channel.count(tenant.tenantId(),
					"SELECT count(*) FROM work_item WHERE stage LIKE 'events.kafka.%'"), n -> n == 0);
		Map<String, Long> perId = poll(tenantId).stream()
			.collect(Collectors.groupingBy(record -> header(record, "ce_id"), Collectors.counting()));
		assertThat(perId.values()).allMatch(count -> count == 1);
	}

	@Test
	void aDeadLetterGoesToTheDeadLetterQueue() {
		Api.TenantFixture tenant = api.newTenant();
		WorkDeadLettered dead = new WorkDeadLettered(com.whatsappflowhub.platform.TenantId.of(tenant.tenantId()), 42L,
				"extraction.analysis", "k-" + UUID.randomUUID(), "com.whatsappflowhub.inbox.MessageReceived", 8,
				"engine unavailable", Instant.parse("2026-12-02T03:00:00Z"));

		events.publishEvent(dead);

		ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
			.until(() -> poll(tenant.tenantId()), records -> !records.isEmpty())
			.get(0);
		assertThat(record.topic()).isEqualTo("dead-letter-queue");
		assertThat(header(record, "ce_type")).isEqualTo("com.whatsappflowhub.work.dead-lettered");
		JsonNode payload = json.readTree(record.value());
		assertThat(payload.get("stage").asString()).isEqualTo("extraction.analysis");
		assertThat(payload.get("error").asString()).isEqualTo("engine unavailable");
		assertThat(payload.get("attempts").asInt()).isEqualTo(8);
	}

	/** Everything the consumer has read so far for this tenant (reads what has arrived since the last call). */
	static synchronized List<ConsumerRecord<String, String>> poll(String tenantId) {
		consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		return seen.stream().filter(record -> tenantId.equals(header(record, "ce_tenantid"))).toList();
	}

	static List<String> types(List<ConsumerRecord<String, String>> records) {
		return records.stream().map(record -> header(record, "ce_type")).toList();
	}

	static ConsumerRecord<String, String> only(List<ConsumerRecord<String, String>> records, String type) {
		List<ConsumerRecord<String, String>> matching = records.stream()
			.filter(record -> header(record, "ce_type").equals("com.whatsappflowhub." + type))
			.toList();
		assertThat(matching).as(type).hasSize(1);
		return matching.get(0);
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}
}

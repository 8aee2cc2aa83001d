import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads every record of the four event topics from the beginning (until 10 s pass with nothing new) and counts,
 * for the messages whose ids are listed in a file (one UUID a line), the records and distinct ce_ids per type:
 * message.received and message.processed by the payload's messageId, task.created by task.sourceMessageId. Prints
 * one JSON object. Run with Kafka's own jars: java -cp 'scripts/kafka/target/libs/*' scripts/kafka/EventCount.java
 * BOOTSTRAP IDS_FILE
 */
public class EventCount {

	public static void main(String[] args) throws Exception {
		Set<String> ids = new HashSet<>(Files.readAllLines(Path.of(args[1])));
		ids.remove("");
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "event-count-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		ObjectMapper json = new ObjectMapper();
		Map<String, Integer> records = new TreeMap<>();
		Map<String, Set<String>> distinct = new TreeMap<>();
		Map<String, Set<String>> messages = new TreeMap<>();
		List<String> wrongKey = new ArrayList<>();
		int total = 0;
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("message-events", "task-events", "integration-events", "dead-letter-queue"));
			long idleSince = System.nanoTime();
			while (System.nanoTime() - idleSince < Duration.ofSeconds(10).toNanos()) {
				var batch = consumer.poll(Duration.ofMillis(500));
				if (!batch.isEmpty()) {
					idleSince = System.nanoTime();
				}
				for (ConsumerRecord<String, String> record : batch) {
					total++;
					String type = header(record, "ce_type").replace("com.whatsappflowhub.", "");
					JsonNode payload = json.readTree(record.value());
					String message = switch (type) {
						case "message.received", "message.processed" -> payload.path("messageId").asText();
						case "task.created" -> payload.path("task").path("sourceMessageId").asText();
						default -> "";
					};
					if (!ids.contains(message)) {
						continue;
					}
					if (!header(record, "ce_tenantid").equals(record.key())) {
						wrongKey.add(header(record, "ce_id"));
					}
					records.merge(type, 1, Integer::sum);
					distinct.computeIfAbsent(type, t -> new HashSet<>()).add(header(record, "ce_id"));
					messages.computeIfAbsent(type, t -> new HashSet<>()).add(message);
				}
			}
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("recordsRead", total);
		out.put("messages", ids.size());
		for (String type : List.of("message.received", "message.processed", "task.created")) {
			out.put(type, Map.of("records", records.getOrDefault(type, 0), "distinctCeIds",
					distinct.getOrDefault(type, Set.of()).size(), "messagesCovered",
					messages.getOrDefault(type, Set.of()).size()));
		}
		out.put("keyNotTenant", wrongKey.size());
		System.out.println(json.writeValueAsString(out));
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}
}

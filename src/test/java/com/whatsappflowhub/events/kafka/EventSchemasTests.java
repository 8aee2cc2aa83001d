package com.whatsappflowhub.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.whatsappflowhub.extraction.AnalysisRequest;
import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.MessageAnalyzed;
import com.whatsappflowhub.extraction.Priority;
import com.whatsappflowhub.extraction.Span;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.ContactId;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageReceived;
import com.whatsappflowhub.integrations.IntegrationSyncFailed;
import com.whatsappflowhub.integrations.IntegrationSynced;
import com.whatsappflowhub.integrations.SyncLog;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import com.whatsappflowhub.platform.WorkDeadLettered;
import com.whatsappflowhub.tasks.Actor;
import com.whatsappflowhub.tasks.Deadline;
import com.whatsappflowhub.tasks.TaskAssigned;
import com.whatsappflowhub.tasks.TaskCancelled;
import com.whatsappflowhub.tasks.TaskCompleted;
import com.whatsappflowhub.tasks.TaskCreated;
import com.whatsappflowhub.tasks.TaskEscalated;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskOverdue;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskUpdated;
import com.whatsappflowhub.tasks.TaskView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published event schemas ({@code classpath:events/}, JSON Schema draft 2020-12): every exported event type
 * has one, what we send validates against it and declares nothing the schema does not, and the committed schemas
 * stay backward compatible with the baseline kept in {@code src/test/resources/events-baseline/} (copy a schema
 * there when a release publishes it).
 */
class EventSchemasTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final TenantId TENANT = new TenantId(UUID.randomUUID());

	static final Instant NOW = Instant.parse("2026-12-02T03:15:00Z");

	static Stream<TenantScoped> samples() {
		TaskView task = task(null, null, null);
		TaskView full = task(new UserId(UUID.randomUUID()), new Deadline(NOW.plusSeconds(86_400), "day"), 0.87);
		ExtractedTask extracted = new ExtractedTask("Send the invoice", "Can you send me the invoice by Friday?",
				Priority.HIGH, "Ana", null, 0.91, Map.of("title", new Span(12, 23, "the invoice")));
		UUID connection = UUID.randomUUID();
		return Stream.of(
				new MessageReceived(TENANT, new MessageId(UUID.randomUUID()), new ConversationId(UUID.randomUUID()),
						new ContactId(UUID.randomUUID()), "447700900123", "Acme Ltd", null,
						"Can you send me the invoice by Friday?", "text", NOW.minusSeconds(2), null, false, NOW),
				new MessageReceived(TENANT, new MessageId(UUID.randomUUID()), new ConversationId(UUID.randomUUID()),
						new ContactId(UUID.randomUUID()), "447700900123", null, new UserId(UUID.randomUUID()), null,
						"image", NOW.minusSeconds(2), new MessageId(UUID.randomUUID()), true, NOW),
				new MessageAnalyzed(UUID.randomUUID(), NOW, TENANT, UUID.randomUUID(), UUID.randomUUID(),
						new MessageAnalyzed.Origin(null, AnalysisRequest.Role.CUSTOMER, "Acme Ltd"),
						"Can you send me the invoice by Friday?", "en", true,
						List.of(new MessageAnalyzed.Task(extracted, new UserId(UUID.randomUUID()), NOW.plusSeconds(3600)),
								new MessageAnalyzed.Task(extracted, null, null)),
						new MessageAnalyzed.ProcessingMetadata(0.91, Duration.ofMillis(7), "embedded-1.4"), NOW),
				new MessageAnalyzed(UUID.randomUUID(), NOW, TENANT, UUID.randomUUID(), null,
						new MessageAnalyzed.Origin(null, AnalysisRequest.Role.CUSTOMER, null), "thanks!", "en", false,
						List.of(), new MessageAnalyzed.ProcessingMetadata(0.12, Duration.ofMillis(3), "embedded-1.4"),
						null),
				new TaskCreated(task), new TaskCreated(full),
				new TaskUpdated(full, Set.of("title", "priority"), Actor.user(UUID.randomUUID())),
				new TaskAssigned(full, new UserId(UUID.randomUUID()), new Actor(Actor.Type.RULE, "r-1")),
				new TaskAssigned(full, null, Actor.system("routing")),
				new TaskCompleted(full, new Actor(Actor.Type.WHATSAPP, null)),
				new TaskCancelled(full, Actor.user(UUID.randomUUID()), "duplicate"),
				new TaskCancelled(task, Actor.user(UUID.randomUUID()), null), new TaskOverdue(full),
				new TaskEscalated(full, new UserId(UUID.randomUUID())),
				new IntegrationSynced(TENANT, 17, connection, UUID.randomUUID(), SyncLog.Direction.OUTBOUND, "create",
						412, 201, NOW),
				new IntegrationSynced(TENANT, 18, connection, null, SyncLog.Direction.INBOUND, "status", null, null,
						NOW),
				new IntegrationSyncFailed(TENANT, 19, connection, UUID.randomUUID(), SyncLog.Direction.OUTBOUND,
						"update", 88, 400, "Field 'priority' cannot be set", NOW),
				new WorkDeadLettered(TENANT, 99, "extraction.analysis", "k-1", MessageReceived.class.getName(), 8,
						"engine unavailable", NOW));
	}

	static TaskView task(UserId assignee, Deadline deadline, Double confidence) {
		return new TaskView(new TaskId(UUID.randomUUID()), TENANT, "Send the invoice", null,
				com.whatsappflowhub.tasks.Priority.HIGH, TaskStatus.OPEN, confidence != null, assignee,
				assignee == null ? null : new TeamId(UUID.randomUUID()), deadline, confidence, List.of(),
				List.of("billing"), Map.of(), UUID.randomUUID(), UUID.randomUUID(), null, "ai", NOW, NOW, null, null, 3);
	}

	@ParameterizedTest
	@MethodSource("samples")
	void serialisesToItsSchemaAndDeclaresEveryField(TenantScoped event) {
		Export<TenantScoped> export = Exports.of(event).orElseThrow();
		JsonNode sent = json.readTree(json.writeValueAsString(export.wire(event)));
		JsonNode schemaDocument = read("events/" + export.name() + ".schema.json");

		List<Error> errors = schema(schemaDocument).validate(sent);

		assertThat(errors).as(export.name() + ": " + sent).isEmpty();
		assertThat(undeclared("", sent, schemaDocument, schemaDocument)).as("fields the schema does not name").isEmpty();
		assertThat(schemaDocument.path("x-topic").asString()).isEqualTo(export.topic());
		assertThat(sent.get("eventId").asString()).isEqualTo(export.headers(event).get("ce_id"));
	}

	@Test
	void aPayloadOfTheWrongShapeDoesNotValidate() {
		TaskCreated event = new TaskCreated(task(null, null, null));
		ObjectNode sent = (ObjectNode) json.readTree(json.writeValueAsString(Exports.of((TenantScoped) event).orElseThrow().wire(event)));
		((ObjectNode) sent.get("task")).put("version", "three");
		sent.remove("tenantId");

		assertThat(schema(read("events/task.created.schema.json")).validate(sent)).hasSize(2);
	}

	@Test
	void everyExportedTypeHasASchemaAndEverySchemaAType() throws IOException {
		List<String> files = new ArrayList<>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:events/*.schema.json")) {
			files.add(resource.getFilename());
		}
		assertThat(files).containsExactlyInAnyOrderElementsOf(
				Exports.ALL.stream().map(export -> export.name() + ".schema.json").toList());
		assertThat(samples().map(event -> Exports.of(event).orElseThrow().name()).distinct())
			.as("a sample of every type").hasSameSizeAs(Exports.ALL);
	}

	@Test
	void theSameOccurrenceHasTheSameIdAndAnotherOneAnother() {
		TaskView task = task(null, null, null);
		Export<TenantScoped> export = Exports.of((TenantScoped) new TaskCreated(task)).orElseThrow();
		assertThat(export.id(new TaskCreated(task))).isEqualTo(export.id(new TaskCreated(task)));
		assertThat(export.id(new TaskCreated(task))).isNotEqualTo(export.id(new TaskCreated(task(null, null, null))));
	}

	@Test
	void theCommittedSchemasAreBackwardCompatibleWithTheBaseline() throws IOException {
		var baseline = new PathMatchingResourcePatternResolver().getResources("classpath:events-baseline/*.schema.json");
		assertThat(baseline).isNotEmpty();
		for (var resource : baseline) {
			ClassPathResource current = new ClassPathResource("events/" + resource.getFilename());
			assertThat(current.exists()).as(resource.getFilename() + " is published").isTrue();
			try (InputStream before = resource.getInputStream(); InputStream after = current.getInputStream()) {
				assertThat(SchemaCompatibility.breaks(json.readTree(before), json.readTree(after)))
					.as(resource.getFilename())
					.isEmpty();
			}
		}
	}

	@Test
	void removingAPropertyMakingOneRequiredOrChangingATypeBreaksCompatibility() {
		JsonNode baseline = read("events-baseline/task.created.schema.json");

		ObjectNode removed = (ObjectNode) baseline.deepCopy();
		((ObjectNode) removed.path("$defs").path("task").path("properties")).remove("title");
		ObjectNode required = (ObjectNode) baseline.deepCopy();
		((ArrayNode) required.path("$defs").path("task").path("required")).add("description");
		ObjectNode retyped = (ObjectNode) baseline.deepCopy();
		((ObjectNode) retyped.path("$defs").path("task").path("properties").path("version")).put("type", "string");
		ObjectNode added = (ObjectNode) baseline.deepCopy();
		((ObjectNode) added.path("properties")).putObject("channel").put("type", "string");

		assertThat(SchemaCompatibility.breaks(baseline, removed)).containsExactly("#/$defs/task/title: removed");
		assertThat(SchemaCompatibility.breaks(baseline, required))
			.containsExactly("#/$defs/task/description: optional, now required");
		assertThat(SchemaCompatibility.breaks(baseline, retyped)).hasSize(1);
		assertThat(SchemaCompatibility.breaks(baseline, added)).as("a new optional property").isEmpty();
	}

	/** Paths in {@code value} that the schema (following local {@code $ref}s) does not declare. */
	static List<String> undeclared(String at, JsonNode value, JsonNode schema, JsonNode root) {
		JsonNode resolved = resolve(schema, root);
		List<String> missing = new ArrayList<>();
		if (value.isObject()) {
			for (String name : value.propertyNames()) {
				JsonNode declared = resolved.path("properties").path(name);
				if (declared.isMissingNode()) {
					missing.add(at + "/" + name);
				}
				else {
					missing.addAll(undeclared(at + "/" + name, value.get(name), declared, root));
				}
			}
		}
		else if (value.isArray()) {
			for (JsonNode item : value) {
				missing.addAll(undeclared(at + "[]", item, resolved.path("items"), root));
			}
		}
		return missing;
	}

	private static JsonNode resolve(JsonNode schema, JsonNode root) {
		if (schema.has("$ref")) {
			return resolve(root.at(schema.get("$ref").asString().substring(1)), root);
		}
		for (JsonNode option : schema.path("anyOf")) {
			JsonNode candidate = resolve(option, root);
			if (candidate.has("properties")) {
				return candidate;
			}
		}
		return schema;
	}

	static Schema schema(JsonNode document) {
		String id = document.get("$id").asString();
		SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getDraft202012(),
				builder -> builder.schemas(Map.of(id, json.writeValueAsString(document))));
		return registry.getSchema(SchemaLocation.of(id));
	}

	static JsonNode read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}

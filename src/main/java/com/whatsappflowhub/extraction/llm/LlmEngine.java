package com.whatsappflowhub.extraction.llm;

import com.whatsappflowhub.extraction.Analysis;
import com.whatsappflowhub.extraction.AnalysisRequest;
import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.ExtractionEngine;
import com.whatsappflowhub.extraction.Priority;
import com.whatsappflowhub.extraction.Sentiment;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks an OpenAI-compatible endpoint (OpenAI, Ollama, vLLM...) for the analysis, with a JSON schema for the
 * answer, optional redaction of phone numbers and e-mails, and a timeout. Any failure (unreachable, timeout,
 * refusal, malformed answer) gives the embedded engine's analysis instead. Entities and resolved dates always
 * come from the embedded engine, which runs first and offline.
 */
public final class LlmEngine implements ExtractionEngine {

	public static final String NAME = "llm";

	private static final Logger log = LoggerFactory.getLogger(LlmEngine.class);

	/** Where the model is and how to call it. */
	public record Endpoint(String baseUrl, String apiKey, String model, Duration timeout, boolean redact) {
	}

	private final ChatModel model;

	private final Endpoint endpoint;

	private final ExtractionEngine fallback;

	private final JsonMapper mapper = JsonMapper.builder().build();

	public LlmEngine(Endpoint endpoint, ExtractionEngine fallback) {
		this.endpoint = endpoint;
		this.fallback = fallback;
		this.model = OpenAiChatModel.builder()
			.baseUrl(endpoint.baseUrl())
			.apiKey(endpoint.apiKey().isBlank() ? "none" : endpoint.apiKey())
			.modelName(endpoint.model())
			.timeout(endpoint.timeout())
			.maxRetries(0)
			.temperature(0.0)
			.seed(7)
			.strictJsonSchema(true)
			.build();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String version() {
		return endpoint.model();
	}

	@Override
	public Analysis analyse(AnalysisRequest request) {
		long started = System.nanoTime();
		Analysis offline = fallback.analyse(request);
		try {
			String answer = model.chat(chatRequest(request)).aiMessage().text();
			Analysis analysis = read(answer, request, offline, Duration.ofNanos(System.nanoTime() - started));
			return analysis;
		}
		catch (RuntimeException ex) {
			log.warn("LLM engine failed ({}), using the embedded analysis", ex.getClass().getSimpleName());
			return offline;
		}
	}

	ChatRequest chatRequest(AnalysisRequest request) {
		String text = endpoint.redact() ? Redaction.redact(request.text()) : request.text();
		var context = new StringBuilder();
		for (AnalysisRequest.ContextMessage c : request.context()) {
			String who = c.sender() == null ? "?" : c.sender().name();
			context.append("- ").append(who).append(": ")
				.append(endpoint.redact() ? Redaction.redact(c.text()) : c.text()).append('\n');
		}
		String sender = request.sender() == null ? "unknown"
				: request.sender().name() + " (" + request.sender().role().name().toLowerCase(Locale.ROOT) + ")";
		String system = """
				You find the work in WhatsApp messages sent to a business. A message is actionable when it asks for,
				assigns or commits to a concrete action someone at the business must do. Give one task per distinct
				action, with a short imperative title in the message's language, a priority (urgent, high, medium,
				low), an assignee copied exactly from the staff directory or "" when nobody is named or implied, and a
				deadline as a local date-time in the tenant's zone (yyyy-MM-dd'T'HH:mm) or "" when there is none.
				Deadlines look forward from the time the message was sent. Answer with JSON only.""";
		String user = "Sent at: " + request.sentAt().toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
				+ " (" + request.sentAt().getDayOfWeek() + ", zone " + request.zone() + ", locale "
				+ request.locale().toLanguageTag() + ")\nSender: " + sender + "\nStaff directory: "
				+ String.join(", ", request.directory()) + "\nEarlier messages:\n" + context + "Message: " + text;
		return ChatRequest.builder()
			.messages(SystemMessage.from(system), UserMessage.from(user))
			.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(SCHEMA).build())
			.build();
	}

	static final JsonSchema SCHEMA = JsonSchema.builder()
		.name("Analysis")
		.rootElement(JsonObjectSchema.builder()
			.addStringProperty("language", "ISO 639-1 code of the message language")
			.addBooleanProperty("actionable")
			.addNumberProperty("confidence", "probability in [0, 1] that the message is actionable")
			.addProperty("sentiment", JsonEnumSchema.builder().enumValues("negative", "neutral", "positive").build())
			.addProperty("tasks", JsonArraySchema.builder()
				.items(JsonObjectSchema.builder()
					.addStringProperty("title")
					.addStringProperty("description")
					.addProperty("priority", JsonEnumSchema.builder().enumValues("urgent", "high", "medium", "low").build())
					.addStringProperty("assignee", "exact directory name, or empty")
					.addStringProperty("deadline", "yyyy-MM-dd'T'HH:mm in the tenant zone, or empty")
					.addProperty("deadline_grain", JsonEnumSchema.builder().enumValues("none", "minute", "hour", "day").build())
					.required("title", "description", "priority", "assignee", "deadline", "deadline_grain")
					.additionalProperties(false)
					.build())
				.build())
			.required("language", "actionable", "confidence", "sentiment", "tasks")
			.additionalProperties(false)
			.build())
		.build();

	private Analysis read(String answer, AnalysisRequest request, Analysis offline, Duration took) {
		JsonNode root = mapper.readTree(answer);
		if (!root.path("actionable").isBoolean() || !root.path("tasks").isArray()) {
			throw new IllegalStateException("answer does not follow the schema");
		}
		boolean actionable = root.path("actionable").asBoolean();
		double confidence = Math.max(0, Math.min(1, root.path("confidence").asDouble(actionable ? 0.8 : 0.2)));
		var tasks = new ArrayList<ExtractedTask>();
		if (actionable) {
			for (JsonNode t : root.path("tasks")) {
				tasks.add(new ExtractedTask(t.path("title").asString(""), t.path("description").asString(""),
						priority(t.path("priority").asString("medium")), assignee(t.path("assignee").asString(""),
								request.directory()),
						deadline(t.path("deadline").asString(""), t.path("deadline_grain").asString("none"), request),
						confidence, Map.of()));
			}
		}
		Sentiment.Polarity polarity = switch (root.path("sentiment").asString("neutral")) {
			case "negative" -> Sentiment.Polarity.NEGATIVE;
			case "positive" -> Sentiment.Polarity.POSITIVE;
			default -> Sentiment.Polarity.NEUTRAL;
		};
		double score = polarity == Sentiment.Polarity.NEGATIVE ? -0.5 : polarity == Sentiment.Polarity.POSITIVE ? 0.5 : 0;
		String language = root.path("language").asString(offline.language());
		return new Analysis(language.isBlank() ? offline.language() : language, offline.languageConfidence(), actionable,
				confidence, tasks, new Sentiment(polarity, score), offline.entities(), offline.dates(), NAME, version(),
				took);
	}

	private static Priority priority(String label) {
		return switch (label) {
			case "urgent" -> Priority.URGENT;
			case "high" -> Priority.HIGH;
			case "low" -> Priority.LOW;
			default -> Priority.MEDIUM;
		};
	}

	/** Only a directory member can be an assignee; the model's spelling is matched without accents or case. */
	static @Nullable String assignee(String proposed, List<String> directory) {
		if (proposed.isBlank()) {
			return null;
		}
		String p = fold(proposed);
		for (String name : directory) {
			if (fold(name).equals(p)) {
				return name;
			}
		}
		for (String name : directory) {
			if (fold(name).split("\\s+")[0].equals(p.split("\\s+")[0])) {
				return name;
			}
		}
		return null;
	}

	private static @Nullable Deadline deadline(String value, String grain, AnalysisRequest request) {
		if (value.isBlank() || grain.equals("none")) {
			return null;
		}
		try {
			var local = LocalDateTime.parse(value.length() == 10 ? value + "T00:00" : value);
			Deadline.Grain g = switch (grain) {
				case "minute" -> Deadline.Grain.MINUTE;
				case "hour" -> Deadline.Grain.HOUR;
				default -> Deadline.Grain.DAY;
			};
			return Deadline.at(local.atZone(request.zone()), g, null);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static String fold(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
	}
}

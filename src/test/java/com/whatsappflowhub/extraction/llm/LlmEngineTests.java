package com.whatsappflowhub.extraction.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.whatsappflowhub.extraction.Analysis;
import com.whatsappflowhub.extraction.AnalysisRequest;
import com.whatsappflowhub.extraction.AnalysisRequest.Role;
import com.whatsappflowhub.extraction.AnalysisRequest.Sender;
import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.ExtractionEngine;
import com.whatsappflowhub.extraction.Priority;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The LLM engine against a local fake of an OpenAI-compatible chat completions endpoint. */
class LlmEngineTests {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	HttpServer server;

	final AtomicReference<String> lastBody = new AtomicReference<>("");

	final AtomicReference<String> answer = new AtomicReference<>("");

	volatile int status = 200;

	final CountDownLatch release = new CountDownLatch(1);

	volatile boolean hang;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/chat/completions", exchange -> {
			lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			if (hang) {
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			String body = status == 200 ? completion(answer.get()) : "{\"error\": {\"message\": \"boom\"}}";
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			try {
				exchange.sendResponseHeaders(status, bytes.length);
				exchange.getResponseBody().write(bytes);
			}
			catch (IOException ex) {
				// the client gave up (timeout test)
			}
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
	}

	@AfterEach
	void stop() {
		release.countDown();
		server.stop(0);
	}

	static String completion(String content) {
		var mapper = JsonMapper.builder().build();
		return """
				{"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "fake",
				 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s}, "finish_reason": "stop"}],
				 "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}
				""".formatted(mapper.writeValueAsString(content));
	}

	LlmEngine engine(Duration timeout) {
		var endpoint = new LlmEngine.Endpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "test-key",
				"fake-model", timeout, true);
		return new LlmEngine(endpoint, ExtractionEngine.embedded());
	}

	AnalysisRequest request() {
		return new AnalysisRequest("Sam pls call Mrs Ruiz on +44 7700 900123 or mail ruiz@example.com before 4",
				ZonedDateTime.of(2026, 2, 16, 9, 0, 0, 0, LONDON), LONDON, Locale.UK,
				new Sender("Giulia Romano", Role.MANAGER), List.of(), List.of("Giulia Romano", "Sam Whitaker"));
	}

	@Test
	void readsTheStructuredAnswerAndKeepsAssigneesInsideTheDirectory() {
		answer.set("""
				{"language": "en", "actionable": true, "confidence": 0.93, "sentiment": "neutral",
				 "tasks": [{"title": "Call Mrs Ruiz", "description": "call back", "priority": "high",
				            "assignee": "sam whitaker", "deadline": "2026-02-16T16:00", "deadline_grain": "hour"},
				           {"title": "Tell the owner", "description": "", "priority": "low",
				            "assignee": "Someone Else", "deadline": "", "deadline_grain": "none"}]}
				""");

		Analysis analysis = engine(Duration.ofSeconds(5)).analyse(request());

		assertThat(analysis.engine()).isEqualTo("llm");
		assertThat(analysis.actionable()).isTrue();
		assertThat(analysis.tasks()).extracting(ExtractedTask::assignee).containsExactly("Sam Whitaker", null);
		assertThat(analysis.tasks().get(0).priority()).isEqualTo(Priority.HIGH);
		assertThat(analysis.tasks().get(0).deadline().value())
			.isEqualTo(ZonedDateTime.of(2026, 2, 16, 16, 0, 0, 0, LONDON));
		assertThat(analysis.entities()).isNotEmpty();
	}

	@Test
	void sendsAJsonSchemaAndRedactsPhoneNumbersAndEmails() {
		answer.set("{\"language\": \"en\", \"actionable\": false, \"confidence\": 0.1, \"sentiment\": \"neutral\", \"tasks\": []}");

		engine(Duration.ofSeconds(5)).analyse(request());

		assertThat(lastBody.get()).contains("json_schema").contains("\"Analysis\"").contains("[phone]").contains("[email]");
		assertThat(lastBody.get()).doesNotContain("7700 900123").doesNotContain("ruiz@example.com");
	}

	@Test
	void fallsBackToTheEmbeddedEngineWhenTheEndpointFails() {
		status = 500;
		Analysis analysis = engine(Duration.ofSeconds(5)).analyse(request());
		assertThat(analysis.engine()).isEqualTo("embedded");
		assertThat(analysis.tasks()).isNotEmpty();
	}

	@Test
	void fallsBackWhenTheAnswerIsNotTheSchema() {
		answer.set("sorry, I cannot help with that");
		assertThat(engine(Duration.ofSeconds(5)).analyse(request()).engine()).isEqualTo("embedded");
	}

	@Test
	void fallsBackWhenTheEndpointIsTooSlow() {
		hang = true;
		long started = System.nanoTime();
		Analysis analysis = engine(Duration.ofMillis(500)).analyse(request());
		assertThat(analysis.engine()).isEqualTo("embedded");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}
}

package com.whatsappflowhub.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluateCommandTests {

	@TempDir
	Path dir;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int run(String... args) {
		return new EvaluateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8))
			.execute(args);
	}

	@Test
	void printsTheReportOfALabelledFile() throws Exception {
		Path file = dir.resolve("items.jsonl");
		Files.writeString(file, """
				{"id": "a", "text": "Sam pls update the specials board before lunch", "sent_at": "2026-02-16T09:00:00+00:00", "timezone": "Europe/London", "sender": {"name": "Giulia Romano", "role": "manager"}, "directory": ["Giulia Romano", "Sam Whitaker"], "actionable": true, "tasks": [{"title": "Update the specials board", "assignee": "Sam Whitaker", "priority": "high", "deadline": {"value": "2026-02-16T12:00:00+00:00", "grain": "hour"}}]}
				{"id": "b", "text": "thanks, all good 👍", "sent_at": "2026-02-16T09:00:00+00:00", "actionable": false, "tasks": []}
				{"id": "c", "text": "tomorrow at 3pm", "sent_at": "2013-02-12T04:30:00-02:00", "deadline": {"value": "2013-02-13T15:00:00-02:00", "grain": "hour"}}
				""");

		int code = run("--input", file.toString());

		assertThat(code).isZero();
		JsonNode report = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(report.path("items").asInt()).isEqualTo(3);
		assertThat(report.path("actionable").path("tp").asInt()).isEqualTo(1);
		assertThat(report.path("actionable").path("tn").asInt()).isEqualTo(1);
		assertThat(report.path("actionable").path("f1").asDouble()).isEqualTo(1.0);
		assertThat(report.path("deadline").path("accuracy").asDouble()).isEqualTo(1.0);
		assertThat(report.path("tasks").path("assignee_accuracy").asDouble()).isEqualTo(1.0);
		assertThat(report.path("tasks").path("deadline_accuracy").asDouble()).isEqualTo(1.0);
		assertThat(report.path("tasks").path("title_token_f1").asDouble()).isGreaterThan(0.7);
		assertThat(report.path("latency_ms").has("p99")).isTrue();
	}

	@Test
	void explainsItsUsageWithoutAnInput() {
		assertThat(run()).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: evaluate --input");
	}

	@Test
	void refusesAnUnknownEngine() throws Exception {
		Path file = dir.resolve("empty.jsonl");
		Files.writeString(file, "");
		assertThat(run("--input", file.toString(), "--engine", "oracle")).isEqualTo(2);
	}
}

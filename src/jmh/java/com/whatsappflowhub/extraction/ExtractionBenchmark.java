package com.whatsappflowhub.extraction;

import com.whatsappflowhub.extraction.eval.LabelledItem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded engine on the 200 real WhatsApp messages of {@code ../shared/eval/whatsapp-dev.jsonl}, one
 * message per operation, cycling: throughput on one thread (messages/s per core), the latency distribution
 * (sample mode gives p50/p99) and, with {@code -prof gc}, the bytes allocated per message.
 *
 * <p>Run: {@code ./mvnw -q -B -Pjmh test-compile exec:exec}.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ExtractionBenchmark {

	private List<AnalysisRequest> messages;

	private ExtractionEngine engine;

	private int next;

	@Setup
	public void setUp() throws Exception {
		messages = LabelledItem.read(Path.of("../shared/eval/whatsapp-dev.jsonl"), JsonMapper.builder().build())
			.stream()
			.map(LabelledItem::request)
			.toList();
		engine = ExtractionEngine.embedded();
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public Analysis throughput() {
		return analyseNext();
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public Analysis latency() {
		return analyseNext();
	}

	private Analysis analyseNext() {
		AnalysisRequest request = messages.get(next);
		next = (next + 1) % messages.size();
		return engine.analyse(request);
	}
}

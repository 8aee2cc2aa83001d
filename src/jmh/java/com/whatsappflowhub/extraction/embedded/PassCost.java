package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.AnalysisRequest;
import com.whatsappflowhub.extraction.BusinessConventions;
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
 * What each pass of the embedded engine costs per message, on the 200 messages of
 * {@code ../shared/eval/whatsapp-dev.jsonl} (one message per operation, cycling, one thread): language, the
 * date patterns, the time grammar, the staff directory, the features, the MiniLM embedding, the task rules and
 * the signals (sentiment, entities). Each pass gets the earlier passes' results precomputed, so the figures add
 * up to about one {@code analyse}.
 *
 * <p>Run: {@code ./mvnw -q -B -Pjmh -Djmh.include=PassCost test-compile exec:exec}.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PassCost {

	private record Prepared(AnalysisRequest request, String folded, List<DeadlineParser.Found> dates,
			List<Directory.Mention> mentions, Directory directory) {
	}

	private List<Prepared> messages;

	private DeadlineParser parser;

	private TaskExtractor tasks;

	private LanguageGuess language;

	private SentenceEmbedder embedder;

	private int next;

	@Setup
	public void setUp() throws Exception {
		parser = new DeadlineParser(BusinessConventions.DEFAULTS);
		tasks = new TaskExtractor(parser);
		language = new LanguageGuess();
		embedder = new SentenceEmbedder();
		messages = LabelledItem.read(Path.of("../shared/eval/whatsapp-dev.jsonl"), JsonMapper.builder().build())
			.stream()
			.map(LabelledItem::request)
			.map(r -> {
				String folded = Text.fold(r.text());
				var directory = new Directory(r.directory());
				return new Prepared(r, folded,
						DeadlineParser.forTasks(parser.parse(r.text(), r.sentAt(), r.locale())),
						directory.find(r.text(), folded), directory);
			})
			.toList();
	}

	private Prepared nextMessage() {
		Prepared p = messages.get(next);
		next = (next + 1) % messages.size();
		return p;
	}

	@Benchmark
	public Object fold() {
		return Text.fold(nextMessage().request().text());
	}

	@Benchmark
	public Object language() {
		Prepared p = nextMessage();
		return language.detect(p.request().text(), p.folded());
	}

	@Benchmark
	public Object datePatterns() {
		Prepared p = nextMessage();
		return parser.patterns(p.request().text(), p.folded(), p.request().sentAt(), p.request().locale());
	}

	@Benchmark
	public Object timeGrammar() {
		Prepared p = nextMessage();
		return parser.fromGrammar(p.request().text(), p.folded(), p.request().sentAt(), p.request().locale());
	}

	@Benchmark
	public Object dateParse() {
		Prepared p = nextMessage();
		return parser.parse(p.request().text(), p.request().sentAt(), p.request().locale());
	}

	@Benchmark
	public Object directory() {
		Prepared p = nextMessage();
		return new Directory(p.request().directory()).find(p.request().text(), p.folded());
	}

	@Benchmark
	public Object features() {
		Prepared p = nextMessage();
		return Features.of(p.request(), p.folded(), !p.dates().isEmpty(), !p.mentions().isEmpty(), false);
	}

	@Benchmark
	public Object embedding() {
		return embedder.embed(nextMessage().request().text());
	}

	@Benchmark
	public Object taskRules() {
		Prepared p = nextMessage();
		return tasks.extract(p.request(), p.folded(), "en", p.dates(), p.mentions(), p.directory(), 0.9);
	}

	@Benchmark
	public Object signals() {
		Prepared p = nextMessage();
		return List.of(Signals.sentiment(p.folded()), Signals.entities(p.request().text(), p.folded(), p.mentions(), p.dates()));
	}
}

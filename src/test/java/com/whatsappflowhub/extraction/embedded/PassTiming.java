package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.BusinessConventions;
import com.whatsappflowhub.extraction.eval.LabelledItem;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CPU time of each pass of the embedded engine per message of a labelled file, after a warm-up (thread CPU
 * time, so it holds up better than wall-clock figures on the shared 2 cores; JMH's {@code PassCost} gives the
 * wall-clock ones). Development aid:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) com.whatsappflowhub.extraction.embedded.PassTiming ../shared/eval/whatsapp-dev.jsonl}
 */
final class PassTiming {

	private record Prepared(com.whatsappflowhub.extraction.AnalysisRequest request, String folded,
			List<DeadlineParser.Found> dates, List<Directory.Mention> mentions, Directory directory) {
	}

	public static void main(String[] args) throws Exception {
		var parser = new DeadlineParser(BusinessConventions.DEFAULTS);
		var tasks = new TaskExtractor(parser);
		var language = new LanguageGuess();
		var embedder = new SentenceEmbedder();
		var engine = EmbeddedEngine.create(BusinessConventions.DEFAULTS);
		var items = LabelledItem.read(Path.of(args[0]), tools.jackson.databind.json.JsonMapper.builder().build());
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		var messages = new ArrayList<Prepared>();
		for (LabelledItem i : items) {
			var r = i.request();
			String folded = Text.fold(r.text());
			var directory = new Directory(r.directory());
			messages.add(new Prepared(r, folded, DeadlineParser.forTasks(parser.parse(r.text(), r.sentAt(), r.locale())),
					directory.find(r.text(), folded), directory));
		}
		Map<String, Consumer<Prepared>> passes = new LinkedHashMap<>();
		passes.put("fold", p -> Text.fold(p.request().text()));
		passes.put("language", p -> language.detect(p.request().text(), p.folded()));
		passes.put("date patterns", p -> parser.patterns(p.request().text(), p.folded(), p.request().sentAt(), p.request().locale()));
		passes.put("time grammar", p -> parser.fromGrammar(p.request().text(), p.folded(), p.request().sentAt(), p.request().locale()));
		passes.put("date parse (both, merged)", p -> parser.parse(p.request().text(), p.request().sentAt(), p.request().locale()));
		passes.put("directory", p -> new Directory(p.request().directory()).find(p.request().text(), p.folded()));
		passes.put("features", p -> Features.of(p.request(), p.folded(), !p.dates().isEmpty(), !p.mentions().isEmpty(), false));
		passes.put("embedding (MiniLM, ONNX)", p -> embedder.embed(p.request().text()));
		passes.put("task rules", p -> tasks.extract(p.request(), p.folded(), "en", p.dates(), p.mentions(), p.directory(), 0.9));
		passes.put("signals", p -> {
			Signals.sentiment(p.folded());
			Signals.entities(p.request().text(), p.folded(), p.mentions(), p.dates());
		});
		passes.put("whole analyse", p -> engine.analyse(p.request()));
		var mx = ManagementFactory.getThreadMXBean();
		for (var e : passes.entrySet()) {
			for (int r = 0; r < rounds; r++) {
				messages.forEach(e.getValue());
			}
			double[] t = new double[messages.size()];
			for (int k = 0; k < messages.size(); k++) {
				long s = mx.getCurrentThreadCpuTime();
				e.getValue().accept(messages.get(k));
				t[k] = (mx.getCurrentThreadCpuTime() - s) / 1e3;
			}
			double mean = Arrays.stream(t).average().orElse(0);
			Arrays.sort(t);
			System.out.printf("%-28s mean %8.1f  p50 %8.1f  p90 %8.1f  p99 %8.1f  max %8.1f us CPU%n", e.getKey(), mean,
					t[t.length / 2], t[(int) (t.length * 0.9)], t[(int) Math.min(t.length - 1, Math.ceil(t.length * 0.99) - 1)],
					t[t.length - 1]);
		}
	}
}

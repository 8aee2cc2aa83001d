package com.whatsappflowhub.extraction;

import com.whatsappflowhub.extraction.eval.Evaluator;
import com.whatsappflowhub.extraction.eval.LabelledItem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar whatsappflowhub.jar evaluate --input FILE.jsonl [--engine embedded] [--errors FILE.json]}:
 * runs the engine over a labelled file with no server and no database and prints the JSON report on stdout.
 */
public final class EvaluateCommand {

	private final PrintStream out;

	private final PrintStream err;

	public EvaluateCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	public static int run(String[] args) {
		return new EvaluateCommand(System.out, System.err).execute(args);
	}

	public int execute(String[] args) {
		quietLibraryLogging();
		String input = null;
		String engineName = "embedded";
		String errorsFile = null;
		int warmup = 200;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--input" -> input = i + 1 < args.length ? args[++i] : null;
				case "--engine" -> engineName = i + 1 < args.length ? args[++i] : engineName;
				case "--errors" -> errorsFile = i + 1 < args.length ? args[++i] : null;
				case "--warmup" -> warmup = Integer.parseInt(args[++i]);
				default -> {
					err.println("unknown argument: " + args[i]);
					return usage();
				}
			}
		}
		if (input == null) {
			return usage();
		}
		if (!"embedded".equals(engineName)) {
			err.println("unknown engine: " + engineName + " (the evaluate command runs the embedded engine)");
			return 2;
		}
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		try {
			var items = LabelledItem.read(Path.of(input), mapper);
			ExtractionEngine engine = ExtractionEngine.embedded();
			var result = new Evaluator(engine).evaluate(items, warmup);
			var report = new LinkedHashMap<String, Object>();
			report.put("input", input);
			report.putAll(result.report());
			out.println(mapper.writeValueAsString(report));
			if (errorsFile != null) {
				Files.writeString(Path.of(errorsFile), mapper.writeValueAsString(result.errors()));
			}
			return 0;
		}
		catch (java.io.IOException | RuntimeException ex) {
			err.println("evaluate failed: " + ex);
			return 1;
		}
	}

	/** The report goes to stdout: keep the ONNX/tokenizer libraries' start-up chatter off it. */
	private static void quietLibraryLogging() {
		for (String name : new String[] { "ai.djl", "com.joestelmach" }) {
			if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
				logger.setLevel(ch.qos.logback.classic.Level.ERROR);
			}
		}
	}

	private int usage() {
		err.println("usage: evaluate --input FILE.jsonl [--engine embedded] [--errors FILE.json] [--warmup N]");
		return 2;
	}
}

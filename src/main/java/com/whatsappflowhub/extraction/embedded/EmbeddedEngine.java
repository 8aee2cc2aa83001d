package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.Analysis;
import com.whatsappflowhub.extraction.AnalysisRequest;
import com.whatsappflowhub.extraction.BusinessConventions;
import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.ExtractionEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The default engine: offline, deterministic, no network. Language from lingua; actionable from a logistic
 * regression over a MiniLM sentence embedding and linguistic features; deadlines from our date rules; tasks,
 * assignees, priorities and titles from {@link TaskExtractor}.
 */
public final class EmbeddedEngine implements ExtractionEngine {

	public static final String NAME = "embedded";

	private static final class SharedLanguage {
		static final LanguageGuess INSTANCE = new LanguageGuess();
	}

	private static final class SharedEmbedder {
		static final SentenceEmbedder INSTANCE = new SentenceEmbedder();
	}

	private static final class SharedModel {
		static final ActionableModel INSTANCE = ActionableModel.load();
	}

	private final DeadlineParser deadlines;

	private final TaskExtractor tasks;

	private final LanguageGuess language;

	private final SentenceEmbedder embedder;

	private final ActionableModel model;

	private EmbeddedEngine(BusinessConventions conventions, LanguageGuess language, SentenceEmbedder embedder,
			ActionableModel model) {
		this.deadlines = new DeadlineParser(conventions);
		this.tasks = new TaskExtractor(deadlines);
		this.language = language;
		this.embedder = embedder;
		this.model = model;
	}

	/** An engine sharing the (immutable, thread-safe) language and embedding models of the process. */
	public static EmbeddedEngine create(BusinessConventions conventions) {
		return new EmbeddedEngine(conventions, SharedLanguage.INSTANCE, SharedEmbedder.INSTANCE, SharedModel.INSTANCE);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String version() {
		return "1.0+" + model.version();
	}

	/** What the classifier sees for a message: features and embedding (used by the training command). */
	public record Inputs(double[] features, float[] embedding) {
	}

	public static Inputs inputs(AnalysisRequest request) {
		var engine = new EmbeddedEngine(BusinessConventions.DEFAULTS, SharedLanguage.INSTANCE, SharedEmbedder.INSTANCE,
				ActionableModel.untrained());
		return engine.prepare(request, Text.fold(request.text()), new Directory(request.directory()));
	}

	private Inputs prepare(AnalysisRequest request, String folded, Directory directory) {
		List<DeadlineParser.Found> dates = DeadlineParser.forTasks(deadlines.parse(request.text(), request.sentAt(), request.locale()));
		boolean hasDeadline = dates.stream().anyMatch(f -> !f.now());
		List<Directory.Mention> mentions = directory.find(request.text(), folded);
		boolean vocative = mentions.stream().anyMatch(m -> m.at() || m.start() < 12);
		double[] features = Features.of(request, folded, hasDeadline, !mentions.isEmpty(), vocative);
		return new Inputs(features, embedder.embed(request.text()));
	}

	@Override
	public Analysis analyse(AnalysisRequest request) {
		return analyse(request, null, System.nanoTime());
	}

	@Override
	public List<Analysis> analyseAll(List<AnalysisRequest> requests) {
		long started = System.nanoTime();
		List<float[]> embeddings = embedder.embedAll(requests.stream().map(AnalysisRequest::text).toList());
		long embeddingShare = requests.isEmpty() ? 0 : (System.nanoTime() - started) / requests.size();
		var out = new ArrayList<Analysis>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			out.add(analyse(requests.get(i), embeddings.get(i), System.nanoTime() - embeddingShare));
		}
		return out;
	}

	private Analysis analyse(AnalysisRequest request, float @Nullable [] precomputed, long started) {
		String text = request.text();
		String folded = Text.fold(text);
		var directory = new Directory(request.directory());
		LanguageGuess.Result lang = language.detect(text, folded);
		List<DeadlineParser.Found> all = deadlines.parse(text, request.sentAt(), request.locale());
		List<DeadlineParser.Found> dates = DeadlineParser.forTasks(all);
		List<Directory.Mention> mentions = directory.find(text, folded);
		boolean hasDeadline = dates.stream().anyMatch(f -> !f.now());
		boolean vocative = mentions.stream().anyMatch(m -> m.at() || m.start() < 12);
		double[] features = Features.of(request, folded, hasDeadline, !mentions.isEmpty(), vocative);
		float[] embedding = precomputed != null ? precomputed : embedder.embed(text);
		double p = model.probability(features, embedding);
		boolean actionable = p >= model.threshold();
		List<ExtractedTask> found = actionable
				? tasks.extract(request, folded, lang.code(), dates, mentions, directory, p) : List.of();
		var resolved = new ArrayList<Deadline>();
		for (DeadlineParser.Found f : all) {
			// "now" is an instant (the moment of sending); only the bare ASAP marker has no value
			if (!DeadlineParser.isNow(f.deadline())) {
				resolved.add(f.deadline());
			}
		}
		return new Analysis(lang.code(), round(lang.confidence()), actionable, round(p), found,
				Signals.sentiment(folded), Signals.entities(text, folded, mentions, dates), resolved, NAME, version(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	private static double round(double v) {
		return Math.round(v * 10000) / 10000.0;
	}
}

package com.whatsappflowhub.extraction;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Loads an engine (the sentence model takes seconds) on a background thread from start-up, so the service is
 * ready at once; the first analysis waits for the load to finish if it comes earlier.
 */
final class WarmingEngine implements ExtractionEngine {

	private final CompletableFuture<ExtractionEngine> engine;

	WarmingEngine(Supplier<ExtractionEngine> loader) {
		this.engine = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				engine.complete(loader.get());
			}
			catch (Throwable ex) {
				engine.completeExceptionally(ex);
			}
		}, "extraction-engine-loader");
		thread.setDaemon(true);
		thread.start();
	}

	private ExtractionEngine engine() {
		try {
			return engine.join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("The extraction engine could not be loaded", ex.getCause());
		}
	}

	@Override
	public Analysis analyse(AnalysisRequest request) {
		return engine().analyse(request);
	}

	@Override
	public java.util.List<Analysis> analyseAll(java.util.List<AnalysisRequest> requests) {
		return engine().analyseAll(requests);
	}

	@Override
	public String name() {
		return engine().name();
	}

	@Override
	public String version() {
		return engine().version();
	}
}

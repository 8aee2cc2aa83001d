package com.whatsappflowhub.extraction;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.slf4j.LoggerFactory;

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
				engine.complete(warmedUp(loader.get()));
			}
			catch (Throwable ex) {
				// readiness stays DOWN; say why, or an operator sees a service that never gets ready and no reason
				// (a noexec /tmp, where ONNX unpacks its native library, is the usual one)
				LoggerFactory.getLogger(WarmingEngine.class).error("The extraction engine could not be loaded", ex);
				engine.completeExceptionally(ex);
			}
		}, "extraction-engine-loader");
		thread.setDaemon(true);
		thread.start();
	}

	/** Whether the engine is loaded and has run its warm-up: readiness waits for it. */
	boolean isWarm() {
		return engine.isDone() && !engine.isCompletedExceptionally();
	}

	/** The first analyses are slow (class loading, JIT, ONNX's first runs): make them here, before readiness. */
	private static ExtractionEngine warmedUp(ExtractionEngine loaded) {
		ZoneId zone = ZoneId.of("UTC");
		ZonedDateTime now = ZonedDateTime.now(zone);
		List<String> samples = List.of("@Maria can you send the Acme invoice by Friday 5pm?",
				"Urgente: el aire acondicionado no funciona, ¿pueden venir mañana por la mañana?",
				"Obrigado pela ajuda, tenham um bom dia!", "Tolong kirim penawaran harga besok pagi ya",
				"Please check the boiler in flat 12 before Friday", "ok thanks 👍", "Can someone call me back today?");
		for (int round = 0; round < 15; round++) {
			for (String text : samples) {
				loaded.analyse(new AnalysisRequest(text, now, zone, Locale.ENGLISH,
						new AnalysisRequest.Sender("Customer", AnalysisRequest.Role.CUSTOMER), List.of(), List.of("Maria")));
			}
		}
		return loaded;
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

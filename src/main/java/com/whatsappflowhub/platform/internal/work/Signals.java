package com.whatsappflowhub.platform.internal.work;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes a stage's idle workers on this replica when new work for it committed here. */
@Component
class Signals {

	private final Map<String, Semaphore> waiting = new ConcurrentHashMap<>();

	void wake(String stage) {
		Semaphore semaphore = semaphore(stage);
		if (semaphore.availablePermits() < 64) {
			semaphore.release();
		}
	}

	/** Waits until woken or {@code timeout} passed; true when woken. */
	boolean await(String stage, Duration timeout) throws InterruptedException {
		Semaphore semaphore = semaphore(stage);
		return semaphore.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private Semaphore semaphore(String stage) {
		return waiting.computeIfAbsent(stage, name -> new Semaphore(0));
	}
}
